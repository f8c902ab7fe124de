package org.muster.registry.registration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.muster.registry.Households;
import org.muster.testing.MusterStackResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class SelfServiceTest {

    @jakarta.inject.Inject
    RegistrationService registration;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "muster.self-service.signing-key")
    String signingKey;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "muster.self-service.validity")
    java.time.Duration validity;

    private static String registeredToken(String family) {
        return given().contentType(ContentType.JSON).body(Households.kabulFamily(family))
                .post("/public/registrations").then().statusCode(201).extract().path("selfServiceToken");
    }

    @Test
    void a_valid_token_reads_the_own_household_and_nothing_else() {
        String family = "Ahmadi" + UUID.randomUUID().toString().substring(0, 6);
        String token = registeredToken(family);
        registeredToken("Other" + UUID.randomUUID().toString().substring(0, 6));

        given().header(SelfServiceResource.TOKEN_HEADER, token).get("/public/self")
                .then().statusCode(200)
                .body("people", hasSize(3))
                .body("people.familyName", everyItem(equalTo(family)))
                .body("location.region", equalTo("AF-KAB"))
                .body("contacts.address", hasItem("+93700123456"));
    }

    @Test
    void a_forged_or_missing_token_is_refused_with_401() {
        String token = registeredToken("Forged" + UUID.randomUUID().toString().substring(0, 6));
        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        given().header(SelfServiceResource.TOKEN_HEADER, forged).get("/public/self")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/public/self").then().statusCode(401);
    }

    @Test
    void a_token_past_its_validity_is_refused_with_401() {
        String family = "Expired" + UUID.randomUUID().toString().substring(0, 6);
        java.util.List<String> ids = given().contentType(ContentType.JSON).body(Households.kabulFamily(family))
                .post("/public/registrations").then().statusCode(201).extract().path("nationalIds");
        // Signed with the service's own key, issued as long ago as a token lives, and a minute more.
        java.time.Instant issued = java.time.Instant.now().minus(validity).minusSeconds(60);
        String expired = new SelfServiceTokens(signingKey, validity,
                java.time.Clock.fixed(issued, java.time.ZoneOffset.UTC)).issue(UUID.fromString(ids.get(0)));
        String fresh = registration.tokens().issue(UUID.fromString(ids.get(0)));

        given().header(SelfServiceResource.TOKEN_HEADER, expired).get("/public/self")
                .then().statusCode(401).contentType("application/problem+json");
        given().header(SelfServiceResource.TOKEN_HEADER, fresh).get("/public/self").then().statusCode(200);
    }

    @Test
    void reporting_safe_then_asking_for_evacuation_changes_the_whole_household() {
        String token = registeredToken("Safe" + UUID.randomUUID().toString().substring(0, 6));
        given().header(SelfServiceResource.TOKEN_HEADER, token).contentType(ContentType.JSON)
                .body("{\"status\": \"SAFE\"}").post("/public/self/welfare")
                .then().statusCode(200).body("people.welfareStatus", everyItem(equalTo("SAFE")));
        given().header(SelfServiceResource.TOKEN_HEADER, token).contentType(ContentType.JSON)
                .post("/public/self/evacuation-request")
                .then().statusCode(200).body("people.evacuationStatus", everyItem(equalTo("REQUESTED")));
    }

    @Test
    void a_citizen_cannot_mark_themselves_unreachable() {
        String token = registeredToken("Unreach" + UUID.randomUUID().toString().substring(0, 6));
        given().header(SelfServiceResource.TOKEN_HEADER, token).contentType(ContentType.JSON)
                .body("{\"status\": \"UNREACHABLE\"}").post("/public/self/welfare")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/status"));
    }

    @Test
    void moving_to_another_province_moves_the_household_and_an_unknown_region_is_refused() {
        String token = registeredToken("Moving" + UUID.randomUUID().toString().substring(0, 6));
        given().header(SelfServiceResource.TOKEN_HEADER, token).contentType(ContentType.JSON)
                .body("{\"country\": \"AF\", \"region\": \"AF-BAL\", \"city\": \"Mazar-i-Sharif\"}")
                .put("/public/self/location")
                .then().statusCode(200).body("location.region", equalTo("AF-BAL"));
        given().header(SelfServiceResource.TOKEN_HEADER, token).contentType(ContentType.JSON)
                .body("{\"country\": \"AF\", \"region\": \"AF-ZZZ\"}")
                .put("/public/self/location")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/region"));
    }

    @Test
    void withdrawing_erases_the_household_and_the_token_then_leads_nowhere() {
        String family = "Withdraw" + UUID.randomUUID().toString().substring(0, 6);
        String token = registeredToken(family);

        given().header(SelfServiceResource.TOKEN_HEADER, token).contentType(ContentType.JSON)
                .post("/public/self/withdrawal").then().statusCode(204);

        given().header(SelfServiceResource.TOKEN_HEADER, token).get("/public/self")
                .then().statusCode(404).contentType("application/problem+json");
        long left = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.muster.registry.national.National.count("familyName", family));
        org.assertj.core.api.Assertions.assertThat(left).isZero();
    }
}

package org.muster.registry.registration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.muster.registry.Households;
import org.muster.registry.national.National;
import org.muster.testing.MusterStackResource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** A citizen keeps their contacts and household up to date with the self-service token. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class SelfServiceHouseholdTest {

    private static final String TOKEN = SelfServiceResource.TOKEN_HEADER;

    @Inject
    EntityManager entityManager;

    @Test
    void new_contacts_are_normalised_in_order_and_a_kept_number_stays_opted_out() {
        var registered = register();
        String token = registered.path("selfServiceToken");
        UUID holder = UUID.fromString(registered.path("nationalIds[0]"));
        optOut(holder, "+93700123456");

        given().header(TOKEN, token).contentType(ContentType.JSON)
                .body("""
                        {"contacts": [{"channel": "WHATSAPP", "address": "0799 111 222"},
                                      {"channel": "SMS", "address": "+93 700 123 456"},
                                      {"channel": "EMAIL", "address": "New.Address@Example.ORG"}]}""")
                .put("/public/self/contacts")
                .then().statusCode(200)
                .body("contacts.address", contains("+93799111222", "+93700123456", "new.address@example.org"))
                .body("contacts.optedOut", contains(false, true, false));
    }

    @Test
    void a_bad_contact_is_a_400_naming_it_and_changes_nothing() {
        String token = register().path("selfServiceToken");
        given().header(TOKEN, token).contentType(ContentType.JSON)
                .body("""
                        {"contacts": [{"channel": "EMAIL", "address": "ok@example.org"},
                                      {"channel": "SMS", "address": "12"}]}""")
                .put("/public/self/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("contacts[1].address"));
        given().header(TOKEN, token).contentType(ContentType.JSON).body("{\"contacts\": []}")
                .put("/public/self/contacts")
                .then().statusCode(400).body("errors.field", hasItem("contacts"));
        given().header(TOKEN, token).get("/public/self")
                .then().body("contacts.address", hasItem("+93700123456"));
    }

    @Test
    void a_newborn_joins_the_household_where_it_is_and_a_known_document_is_a_409() {
        var registered = register();
        String token = registered.path("selfServiceToken");
        given().header(TOKEN, token).contentType(ContentType.JSON)
                .body("""
                        {"givenNames": "Sara", "familyName": "Newborn", "dateOfBirth": "2026-10-01",
                         "nationality": "GB"}""")
                .post("/public/self/household")
                .then().statusCode(201)
                .body("people", hasSize(4))
                .body("people.givenNames", hasItem("Sara"));
        UUID household = UUID.fromString(registered.path("householdId"));
        National sara = QuarkusTransaction.requiringNew().call(() ->
                National.<National>find("householdId = ?1 and givenNames = 'Sara'", household).firstResult());
        assertThat(sara.locationRegion).isEqualTo("AF-KAB");
        assertThat(sara.preferredLanguage).isEqualTo("fa-AF");

        String passport = Households.passport();
        given().contentType(ContentType.JSON).body(Households.kabulFamily("Holder", passport, "0700 123 456"))
                .post("/public/registrations").then().statusCode(201);
        given().header(TOKEN, token).contentType(ContentType.JSON)
                .body("""
                        {"givenNames": "Dup", "familyName": "Licate", "dateOfBirth": "1990-01-01", "nationality": "GB",
                         "document": {"type": "PASSPORT", "number": "%s", "issuingCountry": "GB"}}""".formatted(passport))
                .post("/public/self/household")
                .then().statusCode(409).body("type", not(equalTo(null)));
    }

    @Test
    void a_member_with_an_impossible_birth_date_is_a_400_naming_the_field() {
        String token = register().path("selfServiceToken");
        given().header(TOKEN, token).contentType(ContentType.JSON)
                .body("""
                        {"givenNames": "Old", "familyName": "Man", "dateOfBirth": "1801-01-01", "nationality": "GB"}""")
                .post("/public/self/household")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("dateOfBirth"));
        given().header(TOKEN, token).contentType(ContentType.JSON)
                .body("""
                        {"givenNames": "Bad", "familyName": "Country", "dateOfBirth": "1990-01-01", "nationality": "XX"}""")
                .post("/public/self/household")
                .then().statusCode(400).body("errors.field", hasItem("nationality"));
        given().header(TOKEN, token).get("/public/self").then().body("people", hasSize(3));
    }

    @Test
    void a_member_leaves_and_is_erased_but_the_holder_and_strangers_cannot_be_removed() {
        var registered = register();
        String token = registered.path("selfServiceToken");
        List<String> ids = registered.path("nationalIds");
        UUID stranger = UUID.fromString(register().path("nationalIds[1]"));

        given().header(TOKEN, token).delete("/public/self/household/" + ids.get(2))
                .then().statusCode(200).body("people", hasSize(2));
        assertThat(exists(UUID.fromString(ids.get(2)))).isFalse();

        given().header(TOKEN, token).delete("/public/self/household/" + ids.get(0))
                .then().statusCode(409).contentType("application/problem+json");
        given().header(TOKEN, token).delete("/public/self/household/" + stranger)
                .then().statusCode(404);
        assertThat(exists(stranger)).isTrue();
    }

    @Test
    void without_a_valid_token_no_self_service_change_is_accepted() {
        given().contentType(ContentType.JSON).body("{\"contacts\": [{\"channel\": \"EMAIL\", \"address\": \"a@b.org\"}]}")
                .put("/public/self/contacts").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{\"givenNames\": \"A\", \"familyName\": \"B\", \"dateOfBirth\": \"2000-01-01\", \"nationality\": \"GB\"}")
                .post("/public/self/household").then().statusCode(401);
        given().delete("/public/self/household/" + UUID.randomUUID()).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"country\": \"AF\", \"region\": \"AF-BAL\"}")
                .put("/public/self/location").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"status\": \"SAFE\"}")
                .post("/public/self/welfare").then().statusCode(401);
        given().post("/public/self/evacuation-request").then().statusCode(401);
        given().post("/public/self/withdrawal").then().statusCode(401);
        given().header(TOKEN, "not-a-token").post("/public/self/withdrawal").then().statusCode(401);
    }

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response> register() {
        return given().contentType(ContentType.JSON)
                .body(Households.kabulFamily("Self" + UUID.randomUUID().toString().substring(0, 6)))
                .post("/public/registrations").then().statusCode(201).extract();
    }

    private static boolean exists(UUID national) {
        return QuarkusTransaction.requiringNew().call(() -> National.findById(national) != null);
    }

    private void optOut(UUID national, String address) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE contact_point SET opted_out = true, opted_out_at = now() WHERE national_id = ?1 AND address = ?2")
                .setParameter(1, national).setParameter(2, address).executeUpdate());
    }
}

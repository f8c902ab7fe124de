package org.muster.registry.staff;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.muster.registry.Households;
import org.muster.testing.MusterStackResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class StaffChangesTest {

    @Test
    @TestSecurity(user = "officer-jan", roles = {"consular-officer", "consular-viewer"})
    void an_officer_registers_a_household_taken_on_the_phone_and_is_recorded_as_the_registrar() {
        String id = given().contentType(ContentType.JSON)
                .body(Households.kabulFamily("Phone" + UUID.randomUUID().toString().substring(0, 6)))
                .post("/nationals").then().statusCode(201).extract().path("nationalIds[0]");

        given().get("/nationals/" + id).then().statusCode(200).body("registeredBy", equalTo("officer-jan"));
    }

    @Test
    @TestSecurity(user = "officer-jan", roles = {"consular-officer", "consular-viewer"})
    void an_officer_marks_a_person_unreachable_and_a_stale_version_is_refused_with_409() {
        String id = given().contentType(ContentType.JSON)
                .body(Households.kabulFamily("Unreach" + UUID.randomUUID().toString().substring(0, 6)))
                .post("/nationals").then().statusCode(201).extract().path("nationalIds[0]");
        int version = given().get("/nationals/" + id).then().extract().path("version");

        given().contentType(ContentType.JSON)
                .body("{\"status\": \"UNREACHABLE\", \"note\": \"three calls unanswered\", \"version\": " + version + "}")
                .put("/nationals/" + id + "/welfare")
                .then().statusCode(200).body("welfareStatus", equalTo("UNREACHABLE"));

        given().contentType(ContentType.JSON)
                .body("{\"status\": \"SAFE\", \"version\": " + version + "}")
                .put("/nationals/" + id + "/welfare")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://muster.example/problems/stale-version"));
    }

    @Test
    @TestSecurity(user = "officer-jan", roles = {"consular-officer", "consular-viewer"})
    void a_welfare_update_without_a_version_names_the_field() {
        given().contentType(ContentType.JSON).body("{\"status\": \"SAFE\"}")
                .put("/nationals/" + UUID.randomUUID() + "/welfare")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/version"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void a_viewer_may_not_register_or_change_welfare() {
        given().contentType(ContentType.JSON).body(Households.kabulFamily("Viewer"))
                .post("/nationals").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"status\": \"SAFE\", \"version\": 0}")
                .put("/nationals/" + UUID.randomUUID() + "/welfare").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "partner-fr", roles = "partner-embassy")
    void a_partner_may_not_register_or_change_welfare() {
        given().contentType(ContentType.JSON).body(Households.kabulFamily("Partner"))
                .post("/nationals").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"status\": \"SAFE\", \"version\": 0}")
                .put("/nationals/" + UUID.randomUUID() + "/welfare").then().statusCode(403);
    }

    @Test
    void without_a_token_changes_answer_401() {
        given().contentType(ContentType.JSON).body(Households.kabulFamily("Anon"))
                .post("/nationals").then().statusCode(401);
    }
}

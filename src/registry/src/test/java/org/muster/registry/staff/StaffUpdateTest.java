package org.muster.registry.staff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.muster.registry.Households;
import org.muster.testing.MusterStackResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** An officer corrects a record against the version they read; the staff view shows the household. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class StaffUpdateTest {

    @Inject
    EntityManager entityManager;

    @Test
    @TestSecurity(user = "officer-jan", roles = {"consular-officer", "consular-viewer"})
    void a_correction_changes_the_record_and_the_audit_names_the_fields_changed() {
        String id = registered();
        int version = given().get("/nationals/" + id).then().statusCode(200)
                .body("household", hasSize(2))
                .body("location.region", equalTo("AF-KAB"))
                .body("documents", hasSize(1))
                .extract().path("version");

        given().contentType(ContentType.JSON).body(update(version, "Leila", "AF-BAL", "[\"MEDICAL\"]", "DECLINED"))
                .put("/nationals/" + id)
                .then().statusCode(200)
                .body("givenNames", equalTo("Leila"))
                .body("location.region", equalTo("AF-BAL"))
                .body("vulnerabilities", contains("MEDICAL"))
                .body("evacuationStatus", equalTo("DECLINED"))
                .body("version", equalTo(version + 1));

        String detail = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                        "SELECT detail FROM audit_entry WHERE national_id = ?1 AND action = 'UPDATED' AND actor = 'officer-jan'")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        assertThat(detail).isEqualTo("givenNames,familyName,location,vulnerabilities,evacuationStatus");

        given().contentType(ContentType.JSON).body(update(version, "Lila", "AF-BAL", "[]", null))
                .put("/nationals/" + id)
                .then().statusCode(409).body("type", equalTo("https://muster.example/problems/stale-version"));
    }

    @Test
    @TestSecurity(user = "officer-jan", roles = {"consular-officer", "consular-viewer"})
    void bad_fields_are_a_400_naming_each_and_change_nothing() {
        String id = registered();
        int version = given().get("/nationals/" + id).then().extract().path("version");

        given().contentType(ContentType.JSON).body(update(version, "Laila", "FR-75", "[]", "EVACUATED"))
                .put("/nationals/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("location.region"))
                .body("errors.field", hasItem("evacuationStatus"));
        given().contentType(ContentType.JSON).body(update(version, "", "AF-KAB", "[]", null))
                .put("/nationals/" + id)
                .then().statusCode(400).body("errors.field", hasItem("givenNames"));
        given().contentType(ContentType.JSON).body(update(version, "Laila", "AF-KAB", "[\"FLYING\"]", null))
                .put("/nationals/" + id)
                .then().statusCode(400).body("errors.field", hasItem("vulnerabilities[0]"));
        given().get("/nationals/" + id).then().body("version", equalTo(version)).body("givenNames", equalTo("Laila"));
    }

    @Test
    @TestSecurity(user = "officer-jan", roles = {"consular-officer", "consular-viewer"})
    void an_officer_replaces_the_contact_points_normalised_and_a_kept_number_keeps_its_opt_out() {
        String id = registered();
        String kept = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("UPDATE contact_point SET opted_out = true WHERE national_id = ?1 AND channel = 'SMS'")
                    .setParameter(1, UUID.fromString(id)).executeUpdate();
            return (String) entityManager.createNativeQuery(
                    "SELECT address FROM contact_point WHERE national_id = ?1 AND channel = 'SMS'")
                    .setParameter(1, UUID.fromString(id)).getSingleResult();
        });
        int version = given().get("/nationals/" + id).then().statusCode(200).extract().path("version");

        given().contentType(ContentType.JSON)
                .body("{\"version\": " + version + ", \"contacts\": [{\"channel\": \"SMS\", \"address\": \"070 055 1234\"},"
                        + " {\"channel\": \"SMS\", \"address\": \"" + kept + "\"}]}")
                .put("/nationals/" + id + "/contacts")
                .then().statusCode(200)
                .body("contactPoints.address", contains("+93700551234", kept))
                .body("contactPoints.optedOut", contains(false, true))
                .body("version", equalTo(version + 1));

        given().contentType(ContentType.JSON)
                .body("{\"version\": " + (version + 1) + ", \"contacts\": [{\"channel\": \"SMS\", \"address\": \"not a number\"}]}")
                .put("/nationals/" + id + "/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("contacts[0]")));
        given().contentType(ContentType.JSON)
                .body("{\"version\": " + version + ", \"contacts\": [{\"channel\": \"SMS\", \"address\": \"070 055 1235\"}]}")
                .put("/nationals/" + id + "/contacts")
                .then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void a_viewer_may_not_correct_a_record() {
        given().contentType(ContentType.JSON).body(update(0, "X", "AF-KAB", "[]", null))
                .put("/nationals/" + UUID.randomUUID()).then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{\"version\": 0, \"contacts\": [{\"channel\": \"SMS\", \"address\": \"070 055 1236\"}]}")
                .put("/nationals/" + UUID.randomUUID() + "/contacts").then().statusCode(403);
    }

    @Test
    void without_a_token_a_correction_answers_401() {
        given().contentType(ContentType.JSON).body(update(0, "X", "AF-KAB", "[]", null))
                .put("/nationals/" + UUID.randomUUID()).then().statusCode(401);
    }

    private static String registered() {
        return given().contentType(ContentType.JSON)
                .body(Households.kabulFamily("Fix" + UUID.randomUUID().toString().substring(0, 6)))
                .post("/public/registrations").then().statusCode(201).extract().path("nationalIds[0]");
    }

    private static String update(int version, String givenNames, String region, String vulnerabilities, String evacuation) {
        String country = region.substring(0, 2);
        return """
                {"version": %d, "givenNames": "%s", "familyName": "Corrected", "dateOfBirth": "1986-04-12",
                 "nationality": "GB", "preferredLanguage": "fa-AF",
                 "location": {"country": "%s", "region": "%s", "city": "Somewhere"},
                 "vulnerabilities": %s%s}""".formatted(version, givenNames, country, region, vulnerabilities,
                evacuation == null ? "" : ", \"evacuationStatus\": \"" + evacuation + "\"");
    }
}

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
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class MergeTest {

    private static String registrant(String family, String phone) {
        return given().contentType(ContentType.JSON).body(Households.kabulFamily(family, Households.passport(), phone))
                .post("/public/registrations").then().statusCode(201).extract().path("nationalIds[0]");
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void merging_a_duplicate_keeps_its_documents_and_new_contacts_and_erases_it() {
        String family = "Merge" + UUID.randomUUID().toString().substring(0, 6);
        String kept = registrant(family, "+93700123461");
        String duplicate = registrant(family, "+93700123462");
        int version = given().get("/nationals/" + kept).then().extract().path("version");

        given().contentType(ContentType.JSON)
                .body("{\"duplicateId\": \"" + duplicate + "\", \"version\": " + version + "}")
                .post("/nationals/" + kept + "/merge")
                .then().statusCode(200)
                .body("documents", hasSize(2))
                .body("contactPoints.address", hasItems("+93700123461", "+93700123462"));

        given().get("/nationals/" + duplicate).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void merging_against_a_stale_version_or_into_itself_is_refused() {
        String family = "Stale" + UUID.randomUUID().toString().substring(0, 6);
        String kept = registrant(family, "+93700123463");
        String duplicate = registrant(family, "+93700123464");

        given().contentType(ContentType.JSON).body("{\"duplicateId\": \"" + duplicate + "\", \"version\": 99}")
                .post("/nationals/" + kept + "/merge").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"duplicateId\": \"" + kept + "\", \"version\": 0}")
                .post("/nationals/" + kept + "/merge").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/duplicateId"));
        given().get("/nationals/" + duplicate).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void a_viewer_may_not_merge() {
        given().contentType(ContentType.JSON).body("{\"duplicateId\": \"" + UUID.randomUUID() + "\", \"version\": 0}")
                .post("/nationals/" + UUID.randomUUID() + "/merge").then().statusCode(403);
    }

    @Test
    void without_a_token_merging_answers_401() {
        given().contentType(ContentType.JSON).body("{\"duplicateId\": \"" + UUID.randomUUID() + "\", \"version\": 0}")
                .post("/nationals/" + UUID.randomUUID() + "/merge").then().statusCode(401);
    }
}

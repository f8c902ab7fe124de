package org.muster.platform.problem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.muster.testing.MusterStackResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Every kind of bad input gets a 4xx problem+json that names what is wrong, never a 500. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "platform"))
class ProblemResponsesTest {

    private static final String VALID = """
            {"familyName": "Haidari", "dateOfBirth": "1990-03-01", "region": "AF-KAB",
             "household": [{"givenName": "Laila"}]}""";

    @Test
    void invalid_fields_are_each_named_with_a_json_pointer() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"familyName": "", "dateOfBirth": "1990-03-01", "region": "Kabul",
                         "household": [{"givenName": "Laila"}, {"givenName": ""}]}""")
                .post("/fixture/nationals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", startsWith("https://muster.example/problems/validation"))
                .body("errors", hasSize(3))
                .body("errors.pointer", hasItem("/familyName"))
                .body("errors.pointer", hasItem("/region"))
                .body("errors.pointer", hasItem("/household/1/givenName"))
                .body("errors.field", hasItem("household[1].givenName"));
    }

    @Test
    void a_missing_body_is_named() {
        given().contentType(ContentType.JSON)
                .post("/fixture/nationals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1));
    }

    @Test
    void a_body_that_is_not_json_is_a_400() {
        given().contentType(ContentType.JSON)
                .body("{\"familyName\": \"Haidari\", ")
                .post("/fixture/nationals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void an_impossible_date_names_the_field() {
        given().contentType(ContentType.JSON)
                .body(VALID.replace("1990-03-01", "1990-02-30"))
                .post("/fixture/nationals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("dateOfBirth"))
                .body("errors[0].pointer", equalTo("/dateOfBirth"))
                .body("errors[0].message", containsString("date"));
    }

    @Test
    void a_wrong_type_names_the_field() {
        given().contentType(ContentType.JSON)
                .body(VALID.replace("[{\"givenName\": \"Laila\"}]", "\"Laila\""))
                .post("/fixture/nationals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("household"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void a_query_parameter_out_of_range_is_named() {
        given().queryParam("limit", 1000)
                .get("/fixture/nationals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].pointer", nullValue());
    }

    @Test
    void an_unknown_route_is_a_404_problem() {
        given().get("/no/such/route")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        given().delete("/fixture/nationals")
                .then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void a_wrong_media_type_is_a_415_problem() {
        given().contentType(ContentType.XML)
                .body("<national/>")
                .post("/fixture/nationals")
                .then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void a_duplicate_that_the_database_refuses_is_a_409_not_a_500() {
        String body = VALID.replace("Haidari", "Duplicate-" + UUID.randomUUID());
        given().contentType(ContentType.JSON).body(body).post("/fixture/nationals").then().statusCode(200);
        given().contentType(ContentType.JSON).body(body).post("/fixture/nationals")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", not(containsString("fixture_national")));
    }

    @Test
    void a_stale_version_is_a_409() {
        String id = given().contentType(ContentType.JSON)
                .body(VALID.replace("Haidari", "Stale-" + UUID.randomUUID()))
                .post("/fixture/nationals").then().statusCode(200).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"familyName\": \"First\", \"version\": 0}")
                .put("/fixture/nationals/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"familyName\": \"Second\", \"version\": 0}")
                .put("/fixture/nationals/" + id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://muster.example/problems/stale-version"));
    }

    @Test
    void an_unexpected_failure_is_a_500_that_leaks_nothing() {
        given().get("/fixture/nationals/broken")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("instance", startsWith("urn:uuid:"))
                .body(not(containsString("jdbc")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at org.")));
    }
}

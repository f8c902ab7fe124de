package org.muster.platform.problem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import org.muster.testing.MusterStackResource;

import static io.restassured.RestAssured.given;

/** The role conventions: the least role that may use an endpoint, and nobody else. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "platform"))
class RolesTest {

    @Test
    void without_a_token_a_staff_endpoint_answers_401() {
        given().get("/fixture/nationals").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "amina", roles = "citizen")
    void a_citizen_is_refused_a_staff_endpoint_with_403() {
        given().get("/fixture/nationals").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://muster.example/problems/forbidden"));
    }

    @Test
    @TestSecurity(user = "partner-fr", roles = "partner-embassy")
    void a_partner_is_refused_a_staff_endpoint_with_403() {
        given().get("/fixture/nationals").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void a_viewer_may_read() {
        given().get("/fixture/nationals").then().statusCode(200);
    }
}

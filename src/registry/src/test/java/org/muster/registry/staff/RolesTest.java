package org.muster.registry.staff;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import org.muster.testing.MusterStackResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Each staff endpoint against each role: allowed, or refused. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class RolesTest {

    private static final String[] STAFF_ENDPOINTS = {"/nationals", "/nationals/counts", "/nationals/" + UUID.randomUUID(),
            "/nationals/" + UUID.randomUUID() + "/welfare"};

    @Test
    void without_a_token_staff_endpoints_answer_401() {
        for (String endpoint : STAFF_ENDPOINTS) {
            given().get(endpoint).then().statusCode(401);
        }
    }

    @Test
    @TestSecurity(user = "amina", roles = "citizen")
    void a_citizen_is_refused_staff_endpoints() {
        for (String endpoint : STAFF_ENDPOINTS) {
            given().get(endpoint).then().statusCode(403);
        }
    }

    @Test
    @TestSecurity(user = "partner-fr", roles = "partner-embassy")
    void a_partner_embassy_is_refused_staff_endpoints() {
        for (String endpoint : STAFF_ENDPOINTS) {
            given().get(endpoint).then().statusCode(403);
        }
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void a_viewer_may_search_and_count() {
        given().get("/nationals").then().statusCode(200);
        given().get("/nationals/counts").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "admin", roles = {"consular-admin", "consular-officer", "consular-viewer"})
    void an_admin_carries_the_viewer_role_through_the_realm_composites() {
        given().get("/nationals").then().statusCode(200);
    }
}

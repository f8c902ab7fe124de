package org.muster.registry.staff;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.muster.testing.MusterStackResource;
import org.muster.testing.keycloak.KeycloakTestResource;
import org.muster.testing.keycloak.KeycloakTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The staff endpoints with real access tokens from Keycloak's realm muster: roles read from
 * realm_access, audience muster-services, signatures checked against the realm's keys.
 */
@QuarkusTest
@TestProfile(RealKeycloakTokensTest.WithKeycloak.class)
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class RealKeycloakTokensTest {

    public static class WithKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true");
        }
    }

    @Test
    void a_viewer_token_reads_the_registry() {
        given().auth().oauth2(KeycloakTokens.running().viewer()).get("/nationals").then().statusCode(200);
    }

    @Test
    void an_admin_token_reads_through_the_composite_roles() {
        given().auth().oauth2(KeycloakTokens.running().admin()).get("/nationals/counts").then().statusCode(200);
    }

    @Test
    void a_partner_token_is_refused_staff_data() {
        given().auth().oauth2(KeycloakTokens.running().partnerFr()).get("/nationals").then().statusCode(403);
    }

    @Test
    void a_forged_token_is_refused() {
        String token = KeycloakTokens.running().viewer();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).get("/nationals").then().statusCode(401);
        given().get("/nationals").then().statusCode(401);
    }
}

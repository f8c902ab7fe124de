package org.muster.testing.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.muster.devstack.keycloak.DemoRealm;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test resource against the real Keycloak it starts (once for this JVM). */
class KeycloakTestResourceTest {

    @Test
    void quarkus_gets_the_realm_the_audience_and_where_the_roles_are() {
        Map<String, String> config = new KeycloakTestResource().start();

        assertThat(config.get("quarkus.oidc.auth-server-url")).matches("http://127\\.0\\.0\\.1:\\d+/realms/muster");
        assertThat(config).containsEntry("quarkus.oidc.client-id", "muster-services")
                .containsEntry("quarkus.oidc.token.audience", "muster-services")
                .containsEntry("quarkus.oidc.roles.role-claim-path", "realm_access/roles");
    }

    @Test
    void one_keycloak_serves_the_whole_jvm() {
        String first = KeycloakTestResource.ensureStarted();

        assertThat(new KeycloakTestResource().start()).containsEntry("quarkus.oidc.auth-server-url", first);
        assertThat(KeycloakTestResource.ensureStarted()).isEqualTo(first);
    }

    @Test
    void staff_tokens_carry_their_roles_for_the_services_audience() {
        KeycloakTokens tokens = KeycloakTokens.running();

        assertThat(KeycloakTokens.realmRoles(tokens.officer()))
                .contains(DemoRealm.CONSULAR_OFFICER, DemoRealm.CONSULAR_VIEWER).doesNotContain(DemoRealm.CONSULAR_ADMIN);
        assertThat(KeycloakTokens.realmRoles(tokens.admin()))
                .contains(DemoRealm.CONSULAR_ADMIN, DemoRealm.CONSULAR_OFFICER, DemoRealm.CONSULAR_VIEWER);
        assertThat(KeycloakTokens.realmRoles(tokens.viewer())).containsExactly(DemoRealm.CONSULAR_VIEWER);
        JsonNode claims = KeycloakTokens.claims(tokens.viewer());
        assertThat(claims.path("iss").asText()).isEqualTo(System.getProperty(KeycloakTestResource.ISSUER_PROPERTY));
        assertThat(claims.path("aud").toString()).contains(DemoRealm.SERVICES_CLIENT_ID);
    }

    @Test
    void partner_tokens_carry_the_partner_role_and_country() {
        KeycloakTokens tokens = KeycloakTokens.running();

        assertThat(KeycloakTokens.realmRoles(tokens.partnerFr())).contains(DemoRealm.PARTNER_EMBASSY);
        assertThat(KeycloakTokens.claims(tokens.partnerFr()).path("partner_country").asText()).isEqualTo("FR");
        assertThat(KeycloakTokens.claims(tokens.partnerDe()).path("partner_country").asText()).isEqualTo("DE");
    }

    @Test
    void a_refused_grant_says_who_was_refused() {
        KeycloakTokens tokens = KeycloakTokens.running();

        assertThatThrownBy(() -> tokens.clientCredentials("partner-fr", "not-the-secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("partner-fr").hasMessageContaining("401");
        assertThatThrownBy(() -> tokens.password("officer", "not-the-password"))
                .hasMessageContaining("officer").hasMessageContaining("401");
    }
}

package org.muster.devstack.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm file says what {@link DemoRealm} says, without starting Keycloak. */
class DemoRealmTest {

    private final JsonNode realm = readRealm();

    @Test
    void the_realm_is_muster_with_the_five_roles() {
        assertThat(realm.path("realm").asText()).isEqualTo(DemoRealm.NAME);
        assertThat(names(realm.path("roles").path("realm"), "name")).containsExactlyInAnyOrder(
                DemoRealm.CONSULAR_ADMIN, DemoRealm.CONSULAR_OFFICER, DemoRealm.CONSULAR_VIEWER,
                DemoRealm.PARTNER_EMBASSY, DemoRealm.CITIZEN);
    }

    @Test
    void staff_roles_nest_admin_over_officer_over_viewer() {
        assertThat(composites(DemoRealm.CONSULAR_ADMIN)).containsExactly(DemoRealm.CONSULAR_OFFICER);
        assertThat(composites(DemoRealm.CONSULAR_OFFICER)).containsExactly(DemoRealm.CONSULAR_VIEWER);
        assertThat(composites(DemoRealm.CONSULAR_VIEWER)).isEmpty();
    }

    @Test
    void the_console_is_a_public_pkce_client() {
        JsonNode console = client(DemoRealm.CONSOLE_CLIENT_ID);
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
    }

    @Test
    void the_services_client_is_bearer_only() {
        JsonNode services = client(DemoRealm.SERVICES_CLIENT_ID);
        assertThat(services.path("bearerOnly").asBoolean()).isTrue();
        assertThat(services.path("publicClient").asBoolean()).isFalse();
        assertThat(services.path("secret").asText())
                .isEqualTo("${" + DemoRealm.SERVICES_SECRET_VARIABLE + ":" + DemoRealm.SERVICES_DEMO_SECRET + "}");
    }

    @Test
    void every_partner_is_a_client_credentials_client_with_its_country_and_role() {
        for (DemoRealm.Partner partner : DemoRealm.partners()) {
            JsonNode client = client(partner.clientId());
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(partner.clientId()).isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(client.path("publicClient").asBoolean()).isFalse();
            assertThat(client.path("secret").asText())
                    .isEqualTo("${" + partner.secretVariable() + ":" + partner.demoSecret() + "}");
            JsonNode country = mapper(client, "oidc-hardcoded-claim-mapper");
            assertThat(country.path("config").path("claim.name").asText()).isEqualTo(DemoRealm.PARTNER_COUNTRY_CLAIM);
            assertThat(country.path("config").path("claim.value").asText()).isEqualTo(partner.country());
            assertThat(partner.country()).matches("[A-Z]{2}");
            assertThat(realmRolesOf("service-account-" + partner.clientId())).containsExactly(DemoRealm.PARTNER_EMBASSY);
        }
    }

    @Test
    void every_client_that_gets_tokens_puts_the_services_in_the_audience() {
        List<String> clients = new ArrayList<>(List.of(DemoRealm.CONSOLE_CLIENT_ID));
        DemoRealm.partners().forEach(p -> clients.add(p.clientId()));
        for (String clientId : clients) {
            JsonNode audience = mapper(client(clientId), "oidc-audience-mapper");
            assertThat(audience.path("config").path("included.client.audience").asText())
                    .as(clientId).isEqualTo(DemoRealm.SERVICES_CLIENT_ID);
            assertThat(audience.path("config").path("access.token.claim").asText()).isEqualTo("true");
        }
    }

    @Test
    void the_demo_users_have_their_documented_password_and_role() {
        for (DemoRealm.DemoUser user : DemoRealm.users()) {
            JsonNode json = user(user.username());
            assertThat(json.path("credentials").get(0).path("value").asText()).isEqualTo(user.password());
            assertThat(json.path("credentials").get(0).path("temporary").asBoolean()).isFalse();
            assertThat(realmRolesOf(user.username())).containsExactly(user.role());
            // Keycloak's user profile requires these; without them the password grant says "account is not fully set up".
            assertThat(json.path("email").asText()).isNotBlank();
            assertThat(json.path("firstName").asText()).isNotBlank();
            assertThat(json.path("lastName").asText()).isNotBlank();
        }
    }

    private List<String> composites(String role) {
        JsonNode json = StreamSupport.stream(realm.path("roles").path("realm").spliterator(), false)
                .filter(r -> r.path("name").asText().equals(role)).findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        json.path("composites").path("realm").forEach(n -> names.add(n.asText()));
        return names;
    }

    private JsonNode client(String clientId) {
        return find(realm.path("clients"), "clientId", clientId);
    }

    private JsonNode user(String username) {
        return find(realm.path("users"), "username", username);
    }

    private List<String> realmRolesOf(String username) {
        List<String> roles = new ArrayList<>();
        user(username).path("realmRoles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static JsonNode mapper(JsonNode client, String type) {
        return find(client.path("protocolMappers"), "protocolMapper", type);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> n.path(field).asText().equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + "=" + value));
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }

    private static JsonNode readRealm() {
        try {
            return new ObjectMapper().readTree(DemoRealm.realmJson());
        } catch (IOException e) {
            throw new AssertionError("the realm file is not JSON", e);
        }
    }
}

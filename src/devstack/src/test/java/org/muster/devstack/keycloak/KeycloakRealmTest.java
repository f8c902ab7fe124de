package org.muster.devstack.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm {@code muster} on a real Keycloak, started once for the class (random ports, work
 * directory {@code target/keycloak}, realm imported anew), checked with plain HTTP.
 */
class KeycloakRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.builder()
                .workDir(Path.of("target", "keycloak"))
                .freshRealm(true)
                .start();
        System.out.printf("Keycloak started in %d ms%n", keycloak.startupTime().toMillis());
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
            assertThat(keycloak.isRunning()).isFalse();
        }
    }

    @Test
    void a_partner_gets_a_token_with_the_partner_role_and_its_country() throws Exception {
        JsonNode token = payload(clientCredentials(DemoRealm.PARTNER_FR.clientId(), DemoRealm.PARTNER_FR.secret()));

        assertThat(realmRoles(token)).contains(DemoRealm.PARTNER_EMBASSY)
                .doesNotContain(DemoRealm.CONSULAR_VIEWER, DemoRealm.CONSULAR_OFFICER, DemoRealm.CONSULAR_ADMIN);
        assertThat(token.path(DemoRealm.PARTNER_COUNTRY_CLAIM).asText()).isEqualTo("FR");
        assertThat(token.path("azp").asText()).isEqualTo("partner-fr");
    }

    @Test
    void each_partner_carries_its_own_country() throws Exception {
        JsonNode token = payload(clientCredentials(DemoRealm.PARTNER_DE.clientId(), DemoRealm.PARTNER_DE.secret()));

        assertThat(token.path(DemoRealm.PARTNER_COUNTRY_CLAIM).asText()).isEqualTo("DE");
        assertThat(realmRoles(token)).contains(DemoRealm.PARTNER_EMBASSY);
    }

    @Test
    void a_wrong_client_secret_is_refused() throws Exception {
        HttpResponse<String> response = postToken(Map.of(
                "grant_type", "client_credentials",
                "client_id", DemoRealm.PARTNER_FR.clientId(),
                "client_secret", "not-the-secret"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void a_partner_cannot_log_in_as_a_staff_user() throws Exception {
        HttpResponse<String> response = postToken(Map.of(
                "grant_type", "password",
                "client_id", DemoRealm.PARTNER_FR.clientId(),
                "client_secret", DemoRealm.PARTNER_FR.secret(),
                "username", DemoRealm.ADMIN.username(),
                "password", DemoRealm.ADMIN.password()));

        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(response.body()).contains("unauthorized_client");
    }

    @Test
    void the_officer_inherits_viewer_but_is_not_admin() throws Exception {
        JsonNode token = payload(password(DemoRealm.OFFICER));

        assertThat(realmRoles(token)).contains(DemoRealm.CONSULAR_OFFICER, DemoRealm.CONSULAR_VIEWER)
                .doesNotContain(DemoRealm.CONSULAR_ADMIN, DemoRealm.PARTNER_EMBASSY);
        assertThat(token.path("preferred_username").asText()).isEqualTo("officer");
    }

    @Test
    void the_admin_carries_every_staff_role() throws Exception {
        JsonNode token = payload(password(DemoRealm.ADMIN));

        assertThat(realmRoles(token)).contains(
                DemoRealm.CONSULAR_ADMIN, DemoRealm.CONSULAR_OFFICER, DemoRealm.CONSULAR_VIEWER);
    }

    @Test
    void the_viewer_only_views() throws Exception {
        JsonNode token = payload(password(DemoRealm.VIEWER));

        assertThat(realmRoles(token)).contains(DemoRealm.CONSULAR_VIEWER)
                .doesNotContain(DemoRealm.CONSULAR_OFFICER, DemoRealm.CONSULAR_ADMIN);
    }

    @Test
    void a_wrong_password_is_refused() throws Exception {
        HttpResponse<String> response = postToken(Map.of(
                "grant_type", "password",
                "client_id", DemoRealm.CONSOLE_CLIENT_ID,
                "username", DemoRealm.OFFICER.username(),
                "password", "not-the-password"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void tokens_come_from_the_realm_issuer_for_the_services_audience() throws Exception {
        for (String accessToken : List.of(
                password(DemoRealm.VIEWER),
                clientCredentials(DemoRealm.PARTNER_FR.clientId(), DemoRealm.PARTNER_FR.secret()))) {
            JsonNode token = payload(accessToken);
            assertThat(token.path("iss").asText()).isEqualTo(keycloak.issuerUrl());
            assertThat(audience(token)).contains(DemoRealm.SERVICES_CLIENT_ID);
            assertThat(token.path("sub").asText()).isNotBlank();
        }
    }

    @Test
    void the_jwks_endpoint_serves_the_key_that_signed_the_tokens() throws Exception {
        String accessToken = password(DemoRealm.OFFICER);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[0]));

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.jwksUri())).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> kids = new ArrayList<>();
        JSON.readTree(response.body()).path("keys").forEach(k -> kids.add(k.path("kid").asText()));
        assertThat(kids).isNotEmpty().contains(header.path("kid").asText());
    }

    @Test
    void the_console_login_requires_pkce_s256() throws Exception {
        String redirect = "http://localhost:8080/callback";
        HttpResponse<String> withoutPkce = get(keycloak.authorizationEndpoint() + "?" + form(Map.of(
                "client_id", DemoRealm.CONSOLE_CLIENT_ID, "response_type", "code", "redirect_uri", redirect)));
        HttpResponse<String> withPkce = get(keycloak.authorizationEndpoint() + "?" + form(Map.of(
                "client_id", DemoRealm.CONSOLE_CLIENT_ID, "response_type", "code", "redirect_uri", redirect,
                "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method", "S256")));

        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith(redirect).contains("error=invalid_request"));
        assertThat(withPkce.statusCode()).isEqualTo(200);
        assertThat(withPkce.body()).contains("kc-form-login");
    }

    @Test
    void the_server_reports_where_it_runs() throws Exception {
        assertThat(keycloak.issuerUrl()).isEqualTo("http://127.0.0.1:" + keycloak.httpPort() + "/realms/muster");
        assertThat(keycloak.tokenEndpoint()).isEqualTo(keycloak.issuerUrl() + "/protocol/openid-connect/token");
        assertThat(keycloak.managementPort()).isNotEqualTo(keycloak.httpPort());
        assertThat(get(keycloak.managementUrl() + "/health/live").statusCode()).isEqualTo(200);
        assertThat(Files.readString(keycloak.logFile())).contains("Realm 'muster' imported");
    }

    private static String password(DemoRealm.DemoUser user) throws IOException, InterruptedException {
        return accessToken(postToken(Map.of(
                "grant_type", "password",
                "client_id", DemoRealm.CONSOLE_CLIENT_ID,
                "username", user.username(),
                "password", user.password())));
    }

    private static String clientCredentials(String clientId, String secret) throws IOException, InterruptedException {
        return accessToken(postToken(Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret)));
    }

    private static String accessToken(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> postToken(Map<String, String> form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode payload(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> realmRoles(JsonNode token) {
        List<String> roles = new ArrayList<>();
        token.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static List<String> audience(JsonNode token) {
        JsonNode aud = token.path("aud");
        List<String> audience = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> audience.add(a.asText()));
        } else {
            audience.add(aud.asText());
        }
        return audience;
    }
}

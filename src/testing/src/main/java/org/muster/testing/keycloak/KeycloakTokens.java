package org.muster.testing.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.muster.devstack.keycloak.DemoRealm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Real access tokens from the test Keycloak for the demo accounts of the realm {@code muster}
 * (demo credentials of the local stack, see {@link DemoRealm}).
 *
 * <pre>{@code
 * given().auth().oauth2(KeycloakTokens.running().officer()).get("/api/flights")...
 * }</pre>
 */
public final class KeycloakTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI tokenEndpoint;

    public KeycloakTokens(String tokenEndpoint) {
        this.tokenEndpoint = URI.create(tokenEndpoint);
    }

    /** Tokens from the Keycloak {@link KeycloakTestResource} runs in this JVM (started if it is not yet). */
    public static KeycloakTokens running() {
        KeycloakTestResource.ensureStarted();
        return new KeycloakTokens(System.getProperty(KeycloakTestResource.TOKEN_ENDPOINT_PROPERTY));
    }

    /** consular-admin (and, by composition, officer and viewer). */
    public String admin() {
        return user(DemoRealm.ADMIN);
    }

    /** consular-officer (and consular-viewer). */
    public String officer() {
        return user(DemoRealm.OFFICER);
    }

    /** consular-viewer only. */
    public String viewer() {
        return user(DemoRealm.VIEWER);
    }

    /** partner-embassy with {@code partner_country} FR. */
    public String partnerFr() {
        return partner(DemoRealm.PARTNER_FR);
    }

    /** partner-embassy with {@code partner_country} DE. */
    public String partnerDe() {
        return partner(DemoRealm.PARTNER_DE);
    }

    public String user(DemoRealm.DemoUser user) {
        return password(user.username(), user.password());
    }

    public String partner(DemoRealm.Partner partner) {
        return clientCredentials(partner.clientId(), partner.secret());
    }

    /** Password grant through the console client. */
    public String password(String username, String password) {
        return request(Map.of(
                "grant_type", "password",
                "client_id", DemoRealm.CONSOLE_CLIENT_ID,
                "username", username,
                "password", password));
    }

    /** Client credentials grant of a confidential client. */
    public String clientCredentials(String clientId, String secret) {
        return request(Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret));
    }

    /** The decoded payload (claims) of a JWT; the signature is not checked. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT: " + parts.length + " parts");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("JWT payload is not JSON", e);
        }
    }

    /** The realm roles of a token ({@code realm_access.roles}). */
    public static List<String> realmRoles(String jwt) {
        List<String> roles = new ArrayList<>();
        claims(jwt).path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private String request(Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the " + form.get("grant_type") + " grant for "
                        + form.getOrDefault("username", form.get("client_id")) + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("token request to " + tokenEndpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while requesting a token", e);
        }
    }
}

package org.muster.devstack.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The names in the realm {@code muster} that {@link KeycloakServer} imports from
 * {@code keycloak/muster-realm.json}, and its demo credentials.
 *
 * <p><b>Demo credentials for the local stack only</b> ({@code make run}, {@code make test}): the
 * staff passwords and partner client secrets below are published in this repository on purpose
 * and protect nothing. Production realms are managed separately (the Keycloak operator, secrets
 * from Kubernetes Secrets) and never come from this file. The partner and services client secrets
 * can be overridden through the environment variables named here: the realm file uses Keycloak's
 * {@code ${VARIABLE:default}} placeholders, resolved when the realm is imported.
 */
public final class DemoRealm {

    /** The realm's name: its issuer is {@code <base URL>/realms/muster}. */
    public static final String NAME = "muster";
    /** The realm file on the classpath. */
    public static final String RESOURCE = "/keycloak/muster-realm.json";
    /** The name it gets in Keycloak's {@code data/import} directory. */
    public static final String FILE_NAME = "muster-realm.json";

    public static final String CONSULAR_ADMIN = "consular-admin";
    public static final String CONSULAR_OFFICER = "consular-officer";
    public static final String CONSULAR_VIEWER = "consular-viewer";
    public static final String PARTNER_EMBASSY = "partner-embassy";
    public static final String CITIZEN = "citizen";

    /** The public console client: authorization code with PKCE S256, and the password grant for tests. */
    public static final String CONSOLE_CLIENT_ID = "muster-console";
    /**
     * The bearer-only client that stands for the services: every token the realm issues carries it
     * in {@code aud} (an audience mapper on each client), so services set
     * {@code quarkus.oidc.client-id} and {@code quarkus.oidc.token.audience} to it.
     */
    public static final String SERVICES_CLIENT_ID = "muster-services";
    /** Environment variable overriding the services client's demo secret (used only for introspection). */
    public static final String SERVICES_SECRET_VARIABLE = "MUSTER_SERVICES_CLIENT_SECRET";
    /** Demo secret of {@link #SERVICES_CLIENT_ID}, local stack only. */
    public static final String SERVICES_DEMO_SECRET = "muster-services-demo-secret";

    /** Where Quarkus OIDC finds the realm roles: {@code quarkus.oidc.roles.role-claim-path}. */
    public static final String ROLE_CLAIM_PATH = "realm_access/roles";
    /** The access-token claim carrying a partner's ISO 3166-1 alpha-2 country code. */
    public static final String PARTNER_COUNTRY_CLAIM = "partner_country";

    /** A demo staff account of the console (password grant through {@link #CONSOLE_CLIENT_ID}). */
    public record DemoUser(String username, String password, String role) {
    }

    /** Demo consular admin; the password is a demo value for the local stack only. */
    public static final DemoUser ADMIN = new DemoUser("admin", "admin-demo", CONSULAR_ADMIN);
    /** Demo consular officer; the password is a demo value for the local stack only. */
    public static final DemoUser OFFICER = new DemoUser("officer", "officer-demo", CONSULAR_OFFICER);
    /** Demo consular viewer; the password is a demo value for the local stack only. */
    public static final DemoUser VIEWER = new DemoUser("viewer", "viewer-demo", CONSULAR_VIEWER);

    /**
     * A partner embassy's machine client: client credentials only, realm role
     * {@link #PARTNER_EMBASSY}, and {@link #PARTNER_COUNTRY_CLAIM} in its access tokens.
     *
     * @param clientId       the client id
     * @param country        ISO 3166-1 alpha-2 code put in the token
     * @param secretVariable environment variable that overrides the demo secret
     * @param demoSecret     the secret used when the variable is not set (local stack only)
     */
    public record Partner(String clientId, String country, String secretVariable, String demoSecret) {

        /** The secret in effect: the environment variable if set, otherwise the demo value. */
        public String secret() {
            return fromEnvironment(secretVariable, demoSecret);
        }
    }

    public static final Partner PARTNER_FR =
            new Partner("partner-fr", "FR", "MUSTER_PARTNER_FR_SECRET", "partner-fr-demo-secret");
    public static final Partner PARTNER_DE =
            new Partner("partner-de", "DE", "MUSTER_PARTNER_DE_SECRET", "partner-de-demo-secret");

    private DemoRealm() {
    }

    public static List<DemoUser> users() {
        return List.of(ADMIN, OFFICER, VIEWER);
    }

    public static List<Partner> partners() {
        return List.of(PARTNER_FR, PARTNER_DE);
    }

    /** The services client's secret in effect (environment override or demo value). */
    public static String servicesClientSecret() {
        return fromEnvironment(SERVICES_SECRET_VARIABLE, SERVICES_DEMO_SECRET);
    }

    /** The realm file's bytes, as shipped on the classpath. */
    public static byte[] realmJson() {
        try (InputStream in = DemoRealm.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("realm file " + RESOURCE + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    private static String fromEnvironment(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}

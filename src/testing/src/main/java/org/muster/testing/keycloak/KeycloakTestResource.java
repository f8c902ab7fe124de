package org.muster.testing.keycloak;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.muster.devstack.keycloak.DemoRealm;
import org.muster.devstack.keycloak.KeycloakServer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real Keycloak with the realm {@code muster} for Quarkus tests, started once per JVM and
 * reused by every later test class, stopped when the JVM exits.
 *
 * <p>Use as {@code @QuarkusTestResource(KeycloakTestResource.class)} (or {@code @WithTestResource});
 * get tokens with {@link KeycloakTokens#running()}. It hands Quarkus:
 * <ul>
 *   <li>{@code quarkus.oidc.auth-server-url}: the realm's issuer;</li>
 *   <li>{@code quarkus.oidc.client-id} and {@code quarkus.oidc.token.audience}:
 *       {@code muster-services}, the audience every token of the realm carries;</li>
 *   <li>{@code quarkus.oidc.roles.role-claim-path}: {@code realm_access/roles}, where Keycloak
 *       puts realm roles (composites expanded).</li>
 * </ul>
 * A service that must log users in (the console) overrides {@code quarkus.oidc.client-id} and
 * {@code quarkus.oidc.application-type} in its own test profile.
 *
 * <p>The first start in a work directory unpacks the distribution and lets Keycloak build itself
 * (one to two minutes on two busy cores); later runs reuse both and take 25 to 60 s. The work
 * directory is the system property {@value #WORK_DIR_PROPERTY}, else {@code target/keycloak} of
 * the module under test. Modules may share one work directory (e.g. under the root project's
 * {@code target/}) to pay for that first start once; a module whose shared directory is busy
 * (parallel build) falls back to its own {@code target/keycloak}. The distribution comes from
 * {@code muster.keycloak.dist} or the local Maven repository
 * ({@link org.muster.devstack.keycloak.KeycloakDistribution}).
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    /** Where to unpack and run Keycloak; default {@code target/keycloak} under the working directory. */
    public static final String WORK_DIR_PROPERTY = "muster.keycloak.work-dir";
    /**
     * Set once Keycloak runs, to its issuer URL. System properties are shared by every class
     * loader of the JVM (Quarkus may load this class more than once), so they, not a static
     * field, tell whether the server is up.
     */
    public static final String ISSUER_PROPERTY = "muster.keycloak.issuer-url";
    /** Set once Keycloak runs, to the realm's token endpoint. */
    public static final String TOKEN_ENDPOINT_PROPERTY = "muster.keycloak.token-endpoint";

    @Override
    public Map<String, String> start() {
        String issuer = ensureStarted();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", issuer);
        config.put("quarkus.oidc.client-id", DemoRealm.SERVICES_CLIENT_ID);
        config.put("quarkus.oidc.token.audience", DemoRealm.SERVICES_CLIENT_ID);
        config.put("quarkus.oidc.roles.role-claim-path", DemoRealm.ROLE_CLAIM_PATH);
        return config;
    }

    @Override
    public void stop() {
        // Keycloak outlives one test class on purpose; the shutdown hook stops it at JVM exit.
    }

    /** Starts Keycloak unless this JVM already runs it, and returns the realm's issuer URL. */
    public static String ensureStarted() {
        // The system properties object is one per JVM whatever the class loader: a JVM-wide lock.
        synchronized (System.getProperties()) {
            String issuer = System.getProperty(ISSUER_PROPERTY);
            if (issuer != null) {
                return issuer;
            }
            Path ownDir = Path.of("target", "keycloak");
            String shared = System.getProperty(WORK_DIR_PROPERTY);
            KeycloakServer server;
            if (shared == null || shared.isBlank()) {
                server = KeycloakServer.builder().workDir(ownDir).start();
            } else {
                try {
                    server = KeycloakServer.builder().workDir(Path.of(shared)).start();
                } catch (KeycloakServer.WorkDirInUseException e) {
                    server = KeycloakServer.builder().workDir(ownDir).start();
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-keycloak"));
            System.setProperty(TOKEN_ENDPOINT_PROPERTY, server.tokenEndpoint());
            System.setProperty(ISSUER_PROPERTY, server.issuerUrl());
            return server.issuerUrl();
        }
    }
}

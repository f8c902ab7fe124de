package org.muster.devstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code make run} puts things. Every port and the data directory can be changed by an
 * environment variable, so a second stack or a busy port is no obstacle.
 */
record StackSettings(Path projectRoot, Path dataDir, int postgresPort, int kafkaPort, int smtpPort, int twilioPort,
                     double twilioMessagesPerSecond, int keycloakPort, int keycloakManagementPort,
                     Map<String, String> environment) {

    static StackSettings fromEnvironment(Map<String, String> env) {
        Path root = Path.of(env.getOrDefault("MUSTER_PROJECT_ROOT", ".")).toAbsolutePath().normalize();
        return new StackSettings(
                root,
                Path.of(env.getOrDefault("MUSTER_DATA_DIR", root.resolve(".devstack").toString())),
                intOf(env, "MUSTER_POSTGRES_PORT", 15432),
                intOf(env, "MUSTER_KAFKA_PORT", 19092),
                intOf(env, "MUSTER_SMTP_PORT", 2525),
                intOf(env, "MUSTER_TWILIO_SANDBOX_PORT", 18088),
                Double.parseDouble(env.getOrDefault("MUSTER_TWILIO_SANDBOX_MPS", "100")),
                intOf(env, "MUSTER_KEYCLOAK_PORT", 18180),
                intOf(env, "MUSTER_KEYCLOAK_MANAGEMENT_PORT", 18190),
                env);
    }

    private static int intOf(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}

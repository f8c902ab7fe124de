package org.muster.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.muster.devstack.postgres.PostgresServer;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands the real components of {@link TestStack} to a Quarkus test: PostgreSQL (with the
 * service's own schema), Kafka, SMTP and the Twilio sandbox. Dev Services stay off: there is no Docker engine.
 *
 * <p>Use as {@code @QuarkusTestResource(value = MusterStackResource.class,
 * initArgs = @ResourceArg(name = "schema", value = "registry"))}.
 */
public class MusterStackResource implements QuarkusTestResourceLifecycleManager {

    public static final String SCHEMA_ARG = "schema";
    /** {@code database=gated}: the service reaches PostgreSQL through {@link TestStack#postgresGate()}. */
    public static final String DATABASE_ARG = "database";

    private String schema = "muster";
    private boolean gated;

    @Override
    public void init(Map<String, String> initArgs) {
        schema = initArgs.getOrDefault(SCHEMA_ARG, schema);
        gated = "gated".equals(initArgs.get(DATABASE_ARG));
    }

    @Override
    public Map<String, String> start() {
        var postgres = TestStack.postgres();
        postgres.createSchema(schema);
        var kafka = TestStack.kafka();
        var mail = TestStack.mail();
        var twilio = TestStack.twilio();

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.datasource.db-kind", "postgresql");
        config.put("quarkus.datasource.jdbc.url", gated
                ? "jdbc:postgresql://127.0.0.1:" + TestStack.postgresGate().port() + "/" + PostgresServer.DATABASE
                        + "?currentSchema=" + schema
                : postgres.jdbcUrl(schema));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("quarkus.flyway.schemas", schema);
        config.put("quarkus.hibernate-orm.database.default-schema", schema);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.mailer.host", mail.host());
        config.put("quarkus.mailer.port", String.valueOf(mail.port()));
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.tls", "false");
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("muster.twilio.base-url", twilio.baseUrl().toString());
        config.put("muster.twilio.account-sid", twilio.config().accountSid());
        config.put("muster.twilio.auth-token", twilio.config().authToken());
        return config;
    }

    @Override
    public void stop() {
        // Components outlive one test class on purpose; TestStack stops them at JVM exit.
    }
}

package org.muster.testing;

import org.muster.devstack.kafka.KafkaBroker;
import org.muster.devstack.mail.MailServer;
import org.muster.devstack.postgres.PostgresServer;

/**
 * The real components of a test JVM, each started the first time a test asks for it and kept
 * for every later test class of the same JVM, then stopped when the JVM exits.
 *
 * <p>Starting them once per JVM keeps a module's suite fast: PostgreSQL takes a few seconds
 * cold, Kafka about three.
 */
public final class TestStack {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static MailServer mail;

    private TestStack() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(0, null);
            onExit(postgres);
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(0, null);
            onExit(kafka);
        }
        return kafka;
    }

    public static synchronized MailServer mail() {
        if (mail == null) {
            mail = MailServer.start(0);
            onExit(mail);
        }
        return mail;
    }

    private static void onExit(AutoCloseable component) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                component.close();
            } catch (Exception ignored) {
                // The JVM is going away; nothing more to do.
            }
        }, "stop-" + component.getClass().getSimpleName()));
    }
}

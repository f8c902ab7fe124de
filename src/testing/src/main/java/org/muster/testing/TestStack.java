package org.muster.testing;

import org.muster.devstack.kafka.KafkaBroker;
import org.muster.devstack.mail.MailServer;
import org.muster.devstack.postgres.PostgresServer;
import org.muster.devstack.twilio.TwilioSandbox;


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
    private static TwilioSandbox twilio;
    private static TcpGate postgresGate;

    private TestStack() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(0, null);
            onExit(postgres);
        }
        return postgres;
    }

    /**
     * A {@link TcpGate} in front of {@link #postgres()}, for tests of a service that loses its
     * database: {@code MusterStackResource} with {@code database=gated} points the service at it.
     */
    public static synchronized TcpGate postgresGate() {
        if (postgresGate == null) {
            postgresGate = TcpGate.to("127.0.0.1", postgres().port());
            onExit(postgresGate);
        }
        return postgresGate;
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

    /**
     * The Twilio sandbox, unthrottled, for the messages a service sends. Tests listen on a free
     * port, so a test that injects inbound replies starts a sandbox of its own, pointed at its
     * application's webhook; so does a test that needs a rate or other numbers.
     */
    public static synchronized TwilioSandbox twilio() {
        if (twilio == null) {
            twilio = new TwilioSandbox(TwilioSandbox.Config.builder().build()).start();
            onExit(twilio);
        }
        return twilio;
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

package org.muster.devstack;

import org.muster.devstack.kafka.KafkaBroker;
import org.muster.devstack.keycloak.KeycloakServer;
import org.muster.devstack.mail.MailServer;
import org.muster.devstack.postgres.PostgresServer;
import org.muster.devstack.twilio.TwilioSandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code make run}: the whole system on one machine. Starts PostgreSQL, Kafka, Keycloak with the
 * {@code muster} realm, an SMTP server and the Twilio sandbox, then every service that has been
 * built, prints where each is, and stops all of it on Ctrl-C (or {@code make stop}).
 *
 * <p>Real Twilio is used instead of the sandbox when {@code TWILIO_ACCOUNT_SID} and
 * {@code TWILIO_AUTH_TOKEN} are set; a real SMTP server instead of the local one when
 * {@code MUSTER_SMTP_HOST} is set. Ports and the data directory are in {@link StackSettings}.
 */
public final class DevStack {

    private final StackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, String> where = new LinkedHashMap<>();
    private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();

    DevStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        DevStack stack = new DevStack(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Muster...");
            stack.stop();
            stopped.countDown();
        }, "devstack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("Muster did not start: " + e.getMessage());
            System.exit(1);
        }
        stack.printWhere();
        stopped.await();
    }

    void start() throws IOException {
        Path data = Files.createDirectories(settings.dataDir());
        Files.writeString(data.resolve("devstack.pid"), String.valueOf(ProcessHandle.current().pid()));

        step("PostgreSQL");
        PostgresServer postgres = keep(PostgresServer.start(settings.postgresPort(), data.resolve("postgres")));
        where.put("PostgreSQL", postgres.jdbcUrl() + "  (user " + postgres.username() + ")");

        step("Kafka");
        KafkaBroker kafka = keep(KafkaBroker.start(settings.kafkaPort(), data.resolve("kafka")));
        where.put("Kafka", kafka.bootstrapServers());

        String smtpHost = settings.environment().get("MUSTER_SMTP_HOST");
        if (smtpHost == null || smtpHost.isBlank()) {
            step("SMTP server");
            MailServer mail = keep(MailServer.start(settings.smtpPort()));
            where.put("SMTP (local, keeps every mail)", mail.host() + ":" + mail.port());
            serviceEnvironment.put("QUARKUS_MAILER_HOST", mail.host());
            serviceEnvironment.put("QUARKUS_MAILER_PORT", String.valueOf(mail.port()));
            serviceEnvironment.put("QUARKUS_MAILER_TLS", "false");
            serviceEnvironment.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        } else {
            where.put("SMTP (real)", smtpHost);
        }

        String twilioSid = settings.environment().get("TWILIO_ACCOUNT_SID");
        if (twilioSid == null || twilioSid.isBlank()) {
            step("Twilio sandbox");
            TwilioSandbox twilio = keep(new TwilioSandbox(TwilioSandbox.Config.builder()
                    .port(settings.twilioPort())
                    .messagesPerSecond(settings.twilioMessagesPerSecond())
                    .inboundWebhookUrl(URI.create("http://127.0.0.1:" + ServiceLauncher.port("notifier")
                            + "/twilio/inbound"))
                    .build()).start());
            where.put("Twilio sandbox (what each phone received)", twilio.baseUrl().resolve("/sandbox").toString());
            serviceEnvironment.put("MUSTER_TWILIO_BASE_URL", twilio.baseUrl().toString());
            serviceEnvironment.put("MUSTER_TWILIO_ACCOUNT_SID", twilio.config().accountSid());
            serviceEnvironment.put("MUSTER_TWILIO_AUTH_TOKEN", twilio.config().authToken());
            serviceEnvironment.put("MUSTER_TWILIO_FROM_NUMBER", twilio.config().serviceSenderNumber());
        } else {
            // Real Twilio: the operator's account, from their environment, never from the repo.
            where.put("Twilio (real)", "account " + twilioSid);
            serviceEnvironment.put("MUSTER_TWILIO_ACCOUNT_SID", twilioSid);
            copy(settings.environment(), "TWILIO_AUTH_TOKEN", "MUSTER_TWILIO_AUTH_TOKEN", serviceEnvironment);
            copy(settings.environment(), "TWILIO_FROM_NUMBER", "MUSTER_TWILIO_FROM_NUMBER", serviceEnvironment);
            copy(settings.environment(), "TWILIO_MESSAGING_SERVICE_SID", "MUSTER_TWILIO_MESSAGING_SERVICE_SID",
                    serviceEnvironment);
        }

        step("Keycloak (30-60 s on 2 cores)");
        KeycloakServer keycloak = keep(KeycloakServer.builder()
                .workDir(data.resolve("keycloak"))
                .httpPort(settings.keycloakPort())
                .managementPort(settings.keycloakManagementPort())
                .start());
        where.put("Keycloak (realm muster; admin console)", keycloak.adminConsoleUrl());

        serviceEnvironment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        serviceEnvironment.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuerUrl());
        serviceEnvironment.put("MUSTER_SELF_SERVICE_SIGNING_KEY", localSecret(data.resolve("self-service.key")));
        // The demo crisis: each service loads its part of it at start, idempotently.
        serviceEnvironment.put("MUSTER_DEMO_SEED", settings.environment().getOrDefault("MUSTER_DEMO_SEED", "true"));

        ServiceLauncher services = keep(new ServiceLauncher(settings.projectRoot(), data.resolve("logs")));
        for (ServiceLauncher.Service service : services.built()) {
            step(service.name());
            Map<String, String> environment = new LinkedHashMap<>(serviceEnvironment);
            environment.putAll(ServiceLauncher.databaseEnvironment(postgres, service.name()));
            Process process = services.start(service, environment);
            Path log = data.resolve("logs").resolve(service.name() + ".log");
            boolean ready = services.awaitReady(service, process, java.time.Duration.ofSeconds(90));
            where.put(service.name(), "http://127.0.0.1:" + service.port() + (ready ? "" : "  NOT READY")
                    + "  (log: " + log + ")");
        }
        if (services.built().isEmpty()) {
            where.put("services", "none built yet: the foundation runs the components only");
        }
    }

    /** A random secret for the local stack, made on the first run and kept with its data. */
    private static String localSecret(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            Files.writeString(file, java.util.HexFormat.of().formatHex(random));
        }
        return Files.readString(file).trim();
    }

    private <T extends AutoCloseable> T keep(T component) {
        started.push(component);
        return component;
    }

    private static void step(String what) {
        System.out.println("  starting " + what + "...");
    }

    void printWhere() {
        System.out.println();
        System.out.println("Muster is running. Ctrl-C (or make stop) stops all of it.");
        where.forEach((name, address) -> System.out.printf("  %-45s %s%n", name, address));
        System.out.println("  Demo users of realm muster: see src/devstack/src/main/resources/keycloak/README.md");
        System.out.println("  Data is kept in " + settings.dataDir() + " (make clean removes it).");
    }

    /** Stops in reverse order: services before the components they use. */
    void stop() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("  could not stop " + component.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        try {
            Files.deleteIfExists(settings.dataDir().resolve("devstack.pid"));
        } catch (IOException ignored) {
            // make stop checks whether the process is alive anyway.
        }
    }

    private static void copy(Map<String, String> from, String name, String as, Map<String, String> to) {
        String value = from.get(name);
        if (value != null && !value.isBlank()) {
            to.put(as, value);
        }
    }
}

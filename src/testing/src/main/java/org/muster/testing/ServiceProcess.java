package org.muster.testing;

import org.muster.devstack.ServiceLauncher;
import org.muster.devstack.twilio.TwilioSandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Muster service ({@code src/<name>/target/quarkus-app}) running as a process of its
 * own against the components of {@link TestStack}, configured as {@code make run} configures it:
 * for the integration tests that kill a service mid-work and start it again, and for the
 * end-to-end tests across services. Output goes to {@code target/service-logs/<name>.log} of
 * the module under test.
 *
 * <p>Run from failsafe (after {@code package}): surefire runs before the jar exists.
 */
public final class ServiceProcess implements AutoCloseable {

    private final ServiceLauncher launcher;
    private final ServiceLauncher.Service service;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private Process process;

    private ServiceProcess(ServiceLauncher launcher, ServiceLauncher.Service service, Map<String, String> environment,
                           List<String> jvmOptions) {
        this.launcher = launcher;
        this.service = service;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    /** A service to start; {@code name} is its module under {@code src/} and its database schema. */
    public static Builder of(String name) {
        return new Builder(name);
    }

    public String name() {
        return service.name();
    }

    public int port() {
        return service.port();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + service.port());
    }

    public Path log() {
        return launcher.log(service);
    }

    /** Trace exports (OTLP) the service sent so far to its launcher's sink. */
    public long traceExports() {
        return launcher.traces().exports();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the process and waits until {@code /q/health/ready} answers 200. */
    public ServiceProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name() + " already runs");
        }
        try {
            process = launcher.start(service, environment, jvmOptions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!launcher.awaitReady(service, process, Duration.ofSeconds(180))) {
            process.destroyForcibly();
            throw new IllegalStateException(name() + " did not get ready; see " + log());
        }
        return this;
    }

    /** SIGKILL, as a node failure or an OOM kill would: no shutdown hook, no graceful drain. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name() + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process gracefully (SIGTERM, as Kubernetes does), then waits for it. */
    @Override
    public void close() {
        launcher.close();
    }

    /** How the service is configured; every value can be overridden with {@link #env}. */
    public static final class Builder {

        private final String name;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private TwilioSandbox twilio;
        private int port;

        private Builder(String name) {
            this.name = name;
        }

        /** Answers the sandbox's webhooks (inbound replies) on this port; default a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The Twilio sandbox to send through; default {@link TestStack#twilio()}. */
        public Builder twilio(TwilioSandbox sandbox) {
            this.twilio = sandbox;
            return this;
        }

        /** Validates staff tokens against this Keycloak realm (see {@code KeycloakTestResource}). */
        public Builder oidc(String issuerUrl) {
            environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuerUrl);
            return this;
        }

        public Builder env(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        /**
         * A configuration property as a JVM system property, for names an environment variable
         * cannot carry unambiguously (a Kafka setting of one channel, {@code mp.messaging.incoming.x-y.z}).
         */
        public Builder property(String name, String value) {
            jvmOptions.add("-D" + name + "=" + value);
            return this;
        }

        /** Configures the service; {@link ServiceProcess#start()} runs it. */
        public ServiceProcess build() {
            int chosen = port == 0 ? freePort() : port;
            TwilioSandbox sandbox = twilio == null ? TestStack.twilio() : twilio;
            Map<String, String> env = new LinkedHashMap<>();
            env.putAll(ServiceLauncher.databaseEnvironment(TestStack.postgres(), name));
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestStack.kafka().bootstrapServers());
            env.put("QUARKUS_MAILER_HOST", TestStack.mail().host());
            env.put("QUARKUS_MAILER_PORT", String.valueOf(TestStack.mail().port()));
            env.put("QUARKUS_MAILER_TLS", "false");
            env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
            env.put("MUSTER_TWILIO_BASE_URL", sandbox.baseUrl().toString());
            env.put("MUSTER_TWILIO_ACCOUNT_SID", sandbox.config().accountSid());
            env.put("MUSTER_TWILIO_AUTH_TOKEN", sandbox.config().authToken());
            env.put("MUSTER_TWILIO_FROM_NUMBER", sandbox.config().serviceSenderNumber());
            env.put("MUSTER_NOTIFIER_PUBLIC_BASE_URL", "http://127.0.0.1:" + chosen);
            env.put("MUSTER_SELF_SERVICE_SIGNING_KEY", randomKey());
            env.put("MUSTER_DEMO_SEED", "false");
            if (!environment.containsKey("QUARKUS_OIDC_AUTH_SERVER_URL")) {
                // No realm given: the service runs without staff access (every staff call 401).
                env.put("QUARKUS_OIDC_TENANT_ENABLED", "false");
            }
            env.putAll(environment);
            Path logs = Path.of("target", "service-logs").toAbsolutePath();
            ServiceLauncher launcher = new ServiceLauncher(projectRoot(), logs);
            return new ServiceProcess(launcher, new ServiceLauncher.Service(name, chosen), env, List.copyOf(jvmOptions));
        }

        /** Shorthand for {@code build().start()}. */
        public ServiceProcess start() {
            return build().start();
        }
    }

    /** The repository root: the nearest directory up from here that holds {@code src/devstack}. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("src").resolve("devstack"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the Muster repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** A port nobody listens on now, for a service that must be known before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

package org.muster.devstack;

import org.muster.devstack.postgres.PostgresServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the services that have been built ({@code src/<name>/target/quarkus-app/quarkus-run.jar})
 * as child processes, each on its own port and schema, and stops them again. {@code make run}
 * uses it, and so do the tests that need a service as a process of its own (killed and started
 * again, or several services talking to each other).
 */
public final class ServiceLauncher implements AutoCloseable {

    /** A Muster service and the port it listens on. */
    public record Service(String name, int port) {
    }

    /** Every service of the design; those not built yet are skipped. */
    static final List<Service> SERVICES = List.of(
            new Service("console", 8080),
            new Service("registry", 8081),
            new Service("alerts", 8082),
            new Service("notifier", 8083),
            new Service("evacuation", 8084),
            new Service("partners", 8085));

    /** The port of a service under {@code make run}. */
    public static int port(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().port();
    }

    private final Path projectRoot;
    private final Path logDir;
    private final List<Process> processes = new ArrayList<>();
    private TraceSink traces;

    public ServiceLauncher(Path projectRoot, Path logDir) {
        this.projectRoot = projectRoot;
        this.logDir = logDir;
    }

    List<Service> built() {
        return SERVICES.stream().filter(s -> Files.exists(jar(s))).toList();
    }

    /**
     * The service's own database settings: its schema (created if missing) of the shared
     * PostgreSQL, where Flyway and Hibernate keep its tables.
     */
    public static Map<String, String> databaseEnvironment(PostgresServer postgres, String service) {
        postgres.createSchema(service);
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service),
                "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                "QUARKUS_FLYWAY_SCHEMAS", service,
                "QUARKUS_HIBERNATE_ORM_DATABASE_DEFAULT_SCHEMA", service);
    }

    /** Starts a service with the shared configuration plus its own port; its output goes to its log. */
    public Process start(Service service, Map<String, String> environment) throws IOException {
        return start(service, environment, List.of());
    }

    /**
     * The same, with JVM options ({@code -Dname=value}) for the settings an environment variable
     * cannot name, such as a Kafka client property of one channel.
     */
    public Process start(Service service, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        if (!Files.exists(jar(service))) {
            throw new IllegalStateException(service.name() + " is not packaged: no " + jar(service)
                    + " (build it with mvn package)");
        }
        Files.createDirectories(logDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar(service).toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
        // Traces go to a collector named in the environment, or else to the sink.
        if (!builder.environment().containsKey("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                && !builder.environment().containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")) {
            builder.environment().put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces().tracesEndpoint().toString());
            builder.environment().put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        }
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /**
     * Waits until the service says it is ready ({@code /q/health/ready} answers 200), so that
     * what {@code make run} prints can be used at once.
     *
     * @return false if it did not get ready in time or its process ended (see its log)
     */
    public boolean awaitReady(Service service, Process process, java.time.Duration timeout) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(2)).build();
        java.net.http.HttpRequest ready = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready"))
                .timeout(java.time.Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(ready, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Where the services started here export their traces, unless the environment names a collector. */
    public synchronized TraceSink traces() {
        if (traces == null) {
            traces = new TraceSink();
        }
        return traces;
    }

    /** Where a service's output goes; a restarted service appends to the same file. */
    public Path log(Service service) {
        return logDir.resolve(service.name() + ".log");
    }

    private Path jar(Service service) {
        return projectRoot.resolve("src").resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        synchronized (this) {
            if (traces != null) {
                traces.close();
            }
        }
    }
}

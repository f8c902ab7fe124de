package org.muster.registry.bench;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.muster.registry.Households;
import org.muster.testing.CpuTime;
import org.muster.testing.MusterStackResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code make bench}: self-registrations against the running registry (real PostgreSQL, Kafka
 * and outbox relay), over HTTP from a client in the same JVM.
 *
 * <ul>
 *   <li>Sustained rate: {@value #CLIENTS} clients registering a household of three as fast as
 *       answers come, for {@value #SECONDS} s. Reference in the same run: the same clients on
 *       {@code GET /q/health/live}, the HTTP stack with no work behind it.</li>
 *   <li>Latency at a fixed {@value #OPEN_RATE}/s (open loop: each request is timed from when it
 *       was due, so a slow answer cannot hide the ones queued behind it). At most
 *       {@value #OPEN_CONNECTIONS} requests are in flight: a service that falls behind makes the
 *       later requests wait (and counts that wait), instead of opening a connection per request
 *       until the JVM runs out of file descriptors.</li>
 * </ul>
 * Figures go to standard output and {@code target/bench/registration.txt}; only that every
 * answer was a 201 is asserted.
 */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class RegistrationBench {

    private static final int CLIENTS = 32;
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int OPEN_RATE = Integer.getInteger("bench.rate", 500);
    private static final int OPEN_CONNECTIONS = 64;

    @TestHTTPResource("/public/registrations")
    URI registrations;

    @TestHTTPResource("/q/health/live")
    URI live;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void registrations_per_second_and_latency() throws Exception {
        Path out = Path.of("target/bench/registration.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "");
        report(out, "registry self-registration (household of 3), " + Runtime.getRuntime().availableProcessors()
                + " cores, load average at start " + loadAverage());
        closedLoop(this::registration, 8);                 // warm-up: JIT, connection pools
        CpuTime before = CpuTime.now();
        Run sustained = closedLoop(this::registration, SECONDS);
        CpuTime used = CpuTime.now().minus(before);
        report(out, "sustained, " + CLIENTS + " clients, " + SECONDS + " s: " + sustained);
        // Per registration: the service, the in-JVM broker and the load generator share this JVM; its
        // busiest thread groups say which is which (pool-#-thread-# and HttpClient-# are the generator).
        int answered = Math.max(1, sustained.micros.size());
        report(out, String.format("  CPU per registration: this JVM %.2f ms, PostgreSQL %.2f ms; the JVM's busiest threads: %s",
                used.jvmMillis() / (double) answered, used.postgresMillis() / (double) answered,
                used.top(10).entrySet().stream().map(e -> String.format("%s %.2f ms", e.getKey(), e.getValue() / (double) answered))
                        .collect(java.util.stream.Collectors.joining(", "))));
        Run reference = closedLoop(() -> HttpRequest.newBuilder(live).GET().build(), 10);
        report(out, "reference GET /q/health/live, " + CLIENTS + " clients, 10 s: " + reference);
        Run fixedRate = openLoop(OPEN_RATE, SECONDS);
        report(out, "open loop at " + OPEN_RATE + "/s, " + SECONDS + " s, at most " + OPEN_CONNECTIONS
                + " in flight: " + fixedRate + ", load average at end " + loadAverage());
        assertThat(sustained.failures.get()).isZero();
        assertThat(fixedRate.failures.get()).isZero();
    }

    private HttpRequest registration() {
        String family = "Bench" + UUID.randomUUID().toString().substring(0, 8);
        return HttpRequest.newBuilder(registrations)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(Households.kabulFamily(family, Households.passport(),
                        "0700 123 456")))
                .build();
    }

    /** Each client sends the next request when the last one is answered. */
    private Run closedLoop(Supplier<HttpRequest> requests, int seconds) throws InterruptedException {
        Run run = new Run(seconds);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.get();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        run.record(response.statusCode(), System.nanoTime() - start);
                    } catch (Exception e) {
                        run.failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return run.finish();
    }

    private static void report(Path out, String line) throws java.io.IOException {
        System.out.println(line);
        Files.writeString(out, line + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    private static String loadAverage() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Requests due at a fixed rate, whatever the answers do; latency counts from when each was
     * due. {@value #OPEN_CONNECTIONS} senders take the requests in turn, so a request due while
     * all of them wait for answers is sent late, and its latency includes that wait.
     */
    private Run openLoop(int perSecond, int seconds) throws InterruptedException {
        Run run = new Run(seconds);
        int total = perSecond * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(OPEN_CONNECTIONS);
        for (int s = 0; s < OPEN_CONNECTIONS; s++) {
            senders.submit(() -> {
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        HttpResponse<Void> response = http.send(registration(), HttpResponse.BodyHandlers.discarding());
                        run.record(response.statusCode(), System.nanoTime() - due);
                    } catch (Exception e) {
                        run.failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        senders.shutdown();
        senders.awaitTermination(seconds + 300L, TimeUnit.SECONDS);
        return run.finish();
    }

    /** What one phase measured. */
    private static final class Run {
        final int seconds;
        final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        final AtomicLong failures = new AtomicLong();
        final long startNanos = System.nanoTime();
        long endNanos;

        Run(int seconds) {
            this.seconds = seconds;
        }

        /** Marks the end of the phase: the rate counts answers over the time they took. */
        Run finish() {
            endNanos = System.nanoTime();
            return this;
        }

        void record(int status, long nanos) {
            if (status / 100 != 2) {
                failures.incrementAndGet();
            }
            micros.add(nanos / 1000);
        }

        @Override
        public String toString() {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            double elapsed = ((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos) / 1e9;
            return String.format("%d answered (%d not 2xx) in %.1f s, %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                    sorted.size(), failures.get(), elapsed, sorted.size() / elapsed, percentile(sorted, 50),
                    percentile(sorted, 95), percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0);
        }

        private static double percentile(List<Long> sorted, int p) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1000.0;
        }
    }
}

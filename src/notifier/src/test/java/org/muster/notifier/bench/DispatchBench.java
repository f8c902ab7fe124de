package org.muster.notifier.bench;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.devstack.twilio.SandboxMessage;
import org.muster.devstack.twilio.TwilioSandbox;
import org.muster.notifier.NotifierStack;
import org.muster.notifier.Requests;
import org.muster.notifier.sending.Dispatcher;
import org.muster.notifier.sending.RateLimits;
import org.muster.testing.CpuTime;
import org.muster.twilio.TwilioAccount;
import org.muster.twilio.TwilioClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMS sends per second through notifier (claim, provider call, result, events), against the Twilio sandbox:
 * unthrottled, twice (the first run on a cold JVM, the second warm, as a running service is), and at a configured
 * rate. Each run ends once every status callback of its messages is written, so that the next run does not pay
 * for them. Reference in the same run: the same sandbox driven directly by the SDK from 20 threads, with no
 * database at all.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
class DispatchBench {

    private static final int UNTHROTTLED = 6_000;
    private static final double RATE = 150;
    private static final int THROTTLED_SECONDS = 10;

    @Inject
    Dispatcher dispatcher;

    @Inject
    RateLimits rateLimits;

    @Inject
    BenchLoads loads;

    @Test
    void sends_per_second() throws Exception {
        TwilioSandbox sandbox = NotifierStack.twilio();
        double reference = sdkAlone(sandbox, 3_000, 20);

        rateLimits.setRate(Channel.SMS, 0);
        Measured cold = run(sandbox, "+9370", UNTHROTTLED);
        Measured free = run(sandbox, "+9371", UNTHROTTLED);
        // Again right after: on a machine shared with other builds the load moves within a minute.
        double referenceAfter = sdkAlone(sandbox, 3_000, 20);

        rateLimits.setRate(Channel.SMS, RATE);
        Measured limited = run(sandbox, "+9372", (int) (RATE * THROTTLED_SECONDS));
        long refusals = twilioRefusals(limited.accepted(), RATE);

        System.out.printf("%nnotifier DispatchBench%n");
        System.out.printf("  reference, SDK alone, 20 threads, no database: %,.0f messages/s before, %,.0f after "
                + "(TCP_NODELAY on the sandbox: %s)%n", reference, referenceAfter,
                System.getProperty(TwilioSandbox.NO_DELAY_PROPERTY));
        System.out.printf("  load average at the end: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  unthrottled, first run (cold JVM): %,d SMS in %,d ms = %,.0f sends/s; every callback "
                + "written %,d ms after the last send%n", cold.count(), cold.elapsed().toMillis(), cold.rate(),
                cold.callbacksLag().toMillis());
        System.out.printf("  unthrottled, second run: %,d SMS in %,d ms = %,.0f sends/s; every callback written "
                        + "%,d ms after the last send (429 from the provider: %d)%n", free.count(),
                free.elapsed().toMillis(), free.rate(), free.callbacksLag().toMillis(), loads.refusedWith429());
        // Where the CPU of the warm run went, from the first send to the last callback written: the
        // stand-in for Twilio (sandbox-*, HttpClient-*), notifier, the broker and PostgreSQL all share the cores.
        System.out.printf("  CPU per 1,000 messages of the second run, sent and every callback written: this JVM %,.0f ms, "
                + "PostgreSQL %,.0f ms; the JVM's busiest threads:%n", free.cpu().jvmMillis() * 1000.0 / free.count(),
                free.cpu().postgresMillis() * 1000.0 / free.count());
        free.cpu().top(14).forEach((group, millis) -> System.out.printf("    %-60s %,6.1f ms%n", group, millis * 1000.0 / free.count()));
        System.out.printf("  configured %,.0f/s: %,d SMS in %,d ms = %,.1f sends/s (%+.2f%%); "
                        + "a Twilio bucket of %,.0f/s would have refused %d%n%n",
                RATE, limited.count(), limited.elapsed().toMillis(), limited.rate(),
                (limited.rate() - RATE) / RATE * 100, RATE, refusals);

        assertThat(limited.rate()).isBetween(RATE * 0.95, RATE * 1.05);
        assertThat(refusals).isZero();
    }

    private record Measured(int count, Duration elapsed, List<Instant> accepted, Duration callbacksLag, CpuTime cpu) {
        double rate() {
            return count * 1000.0 / Math.max(1, elapsed.toMillis());
        }
    }

    /** Queues {@code count} SMS while the dispatcher is paused, then measures from the first to the last send. */
    private Measured run(TwilioSandbox sandbox, String prefix, int count) {
        dispatcher.pause();
        sandbox.reset();
        UUID campaign = UUID.randomUUID();
        List<DeliveryRequested> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(Requests.request(campaign, UUID.randomUUID(), Channel.SMS,
                    prefix + String.format("%08d", i * 10 + 1), "en", "Leave now. Go to the airport, gate 3.", 0));
            if (batch.size() == 500) {
                loads.accept(batch);
                batch.clear();
            }
        }
        loads.accept(batch);
        CpuTime before = CpuTime.now();
        dispatcher.resume();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> loads.pending(campaign) == 0);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> loads.awaitingDelivered(campaign) == 0);
        Instant delivered = Instant.now();
        CpuTime used = CpuTime.now().minus(before);
        List<Instant> accepted = sandbox.allMessages().stream().filter(m -> !m.inbound())
                .map(SandboxMessage::dateCreated).sorted().toList();
        assertThat(accepted).hasSize(count);
        // First to last accepted message, plus one message interval: the rate of a steady stream.
        Duration span = Duration.between(accepted.get(0), accepted.get(count - 1));
        Duration elapsed = span.plusNanos(span.toNanos() / Math.max(1, count - 1));
        return new Measured(count, elapsed, accepted, Duration.between(accepted.get(count - 1), delivered), used);
    }

    /** How many of these sends Twilio's token bucket (rate per second, one second of burst) would refuse. */
    private static long twilioRefusals(List<Instant> sends, double rate) {
        double tokens = rate;
        Instant last = sends.get(0);
        long refused = 0;
        for (Instant send : sends) {
            tokens = Math.min(rate, tokens + rate * Duration.between(last, send).toNanos() / 1e9);
            last = send;
            if (tokens >= 1) {
                tokens -= 1;
            } else {
                refused++;
            }
        }
        return refused;
    }

    private static double sdkAlone(TwilioSandbox sandbox, int count, int threads) throws Exception {
        TwilioRestClient client = TwilioClients.create(new TwilioAccount(sandbox.baseUrl(),
                sandbox.config().accountSid(), sandbox.config().authToken(), null, NotifierStack.SENDER));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Message.creator(new PhoneNumber("+9373" + String.format("%08d", i * 10 + 1)),
                            new PhoneNumber(NotifierStack.SENDER), "reference").create(client);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        double rate = count * 1e9 / (System.nanoTime() - start);
        sandbox.reset();
        return rate;
    }
}

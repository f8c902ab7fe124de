package org.muster.notifier.sending;

import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.muster.contracts.common.Channel;
import org.muster.notifier.delivery.BatchWriter;
import org.muster.notifier.delivery.Deliveries;
import org.muster.notifier.delivery.DispatchSignal;
import org.muster.notifier.delivery.Outgoing;
import org.muster.platform.tracing.TraceParents;
import org.muster.notifier.delivery.SendResult;

/**
 * Sends due deliveries: per channel, takes tokens from the shared rate limit, claims that many deliveries (most
 * urgent first) in one transaction, queues them for a pool of workers that call the provider, and records the
 * answers in batches. Unthrottled, it claims ahead of the workers in chunks ({@link ClaimedQueue}). Every delivery
 * is persisted as claimed before its provider call and with its answer after it, so a crash loses nothing: claims
 * older than the lease are sent again (the duplicates are bounded by what was in flight).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int MAX_CLAIM = 200;
    private static final int MAX_RESULT_BATCH = 500;
    /**
     * Claims whose answer is not yet written, per worker. Bounded, so that answers never queue up for longer than a
     * lease (the claim would come back and its message go out twice), and a crash resends at most that many; large
     * enough that a worker goes on to its next call while the writer records its last answer.
     */
    private static final int UNWRITTEN_PER_WORKER = 4;
    private static final long IDLE_POLL_MILLIS = 250;
    private static final int RATE_WINDOW_SECONDS = 10;

    @Inject
    Deliveries deliveries;

    @Inject
    Tracer tracer;

    @Inject
    RateLimits rateLimits;

    @Inject
    DispatchSignal signal;

    @Inject
    TwilioProvider twilio;

    @Inject
    EmailProvider email;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "muster.notifier.dispatch.concurrency")
    int concurrency;

    @ConfigProperty(name = "muster.notifier.dispatch.lease")
    Duration lease;

    private final Map<Channel, Long> queueDepth = new EnumMap<>(Channel.class);
    /** Sends per second of the last {@link #RATE_WINDOW_SECONDS} seconds, a ring indexed by epoch second. */
    private final AtomicLongArray sendsPerSecond = new AtomicLongArray(RATE_WINDOW_SECONDS + 1);
    private final AtomicLongArray sendsSecond = new AtomicLongArray(RATE_WINDOW_SECONDS + 1);
    private Semaphore unwritten;
    private ClaimedQueue queue;
    private final AtomicInteger busy = new AtomicInteger();
    private ExecutorService workers;
    private Thread loop;
    private BatchWriter<Map.Entry<Outgoing, SendResult>> answers;
    private volatile boolean running;
    private volatile boolean paused;
    private final Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    void start(@Observes StartupEvent startup) {
        unwritten = new Semaphore(concurrency * UNWRITTEN_PER_WORKER);
        // Not sent if it waited half a lease: its claim may come back meanwhile (it will be sent then, once).
        queue = new ClaimedQueue(lease.dividedBy(2), System::nanoTime, outgoing -> {
            LOG.warnf("delivery %s waited too long for a worker; left to its lease", outgoing.id());
            freeSlot();
        });
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "notifier-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (Channel channel : Channel.values()) {
            queueDepth.put(channel, 0L);
            Gauge.builder("muster.notifier.queue.depth", queueDepth, depth -> depth.getOrDefault(channel, 0L))
                    .description("Deliveries due or in flight")
                    .tag("channel", channel.name())
                    .register(metrics);
        }
        Gauge.builder("muster.notifier.send.rate", this, Dispatcher::currentSendRate)
                .description("Messages handed to providers per second, over the last 10 seconds")
                .register(metrics);
        running = true;
        loop = new Thread(this::dispatchLoop, "notifier-dispatcher");
        loop.setDaemon(true);
        // A failed answer is retried alone 5 times, then left to the lease: the answer is lost, not the delivery.
        answers = new BatchWriter<Map.Entry<Outgoing, SendResult>>("notifier-results", MAX_RESULT_BATCH, 5,
                Duration.ofMillis(200), deliveries::recordResults).start();
        loop.start();
        for (int i = 0; i < concurrency; i++) {
            workers.execute(this::work);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        signal.wake();
        try {
            loop.join(5_000);
            // The workers send what is queued (claimed already), then stop.
            workers.shutdown();
            workers.awaitTermination(15, TimeUnit.SECONDS);
            answers.close(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops claiming (what is in flight finishes); for benchmarks that queue first and then measure. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        signal.wake();
    }

    /** Messages handed to providers per second, averaged over the last 10 full seconds. */
    public double currentSendRate() {
        long now = Instant.now().getEpochSecond();
        long total = 0;
        for (int i = 1; i <= RATE_WINDOW_SECONDS; i++) {
            int slot = (int) ((now - i) % sendsPerSecond.length());
            if (sendsSecond.get(slot) == now - i) {
                total += sendsPerSecond.get(slot);
            }
        }
        return (double) total / RATE_WINDOW_SECONDS;
    }

    private void dispatchLoop() {
        Instant nextHousekeeping = Instant.EPOCH;
        while (running) {
            try {
                if (Instant.now().isAfter(nextHousekeeping)) {
                    deliveries.recoverLeases(lease);
                    deliveries.settleWaitingSteps();
                    queueDepth.putAll(deliveries.queueDepth());
                    nextHousekeeping = Instant.now().plusSeconds(1);
                }
                if (paused) {
                    signal.await(IDLE_POLL_MILLIS);
                    continue;
                }
                boolean claimedAny = false;
                long wait = IDLE_POLL_MILLIS;
                for (Channel channel : Channel.values()) {
                    boolean limited = rateLimits.rate(channel) > 0;
                    int wanted = ClaimedQueue.toClaim(limited, unwritten.availablePermits(),
                            concurrency - busy.get(), queue.size(), concurrency, MAX_CLAIM);
                    if (wanted == 0) {
                        continue;
                    }
                    String account = accountOf(channel);
                    int granted = rateLimits.acquire(account, channel, wanted);
                    if (granted == 0) {
                        wait = Math.min(wait, rateLimits.refillMillis(channel));
                        continue;
                    }
                    List<Outgoing> claimed = deliveries.claim(channel, granted);
                    rateLimits.giveBack(account, channel, granted - claimed.size());
                    // Only this thread takes slots: those counted free above are there.
                    unwritten.acquire(claimed.size());
                    queue.addAll(claimed);
                    claimedAny |= !claimed.isEmpty();
                }
                if (!claimedAny) {
                    // Woken by new work, a worker taking from a short queue, or answers written (freeSlot).
                    signal.await(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be away for a moment: nothing is lost, the rows wait.
                LOG.warn("dispatch round failed; retrying in a second", e);
                sleep(1_000);
            }
        }
    }

    /** A worker: sends what is queued, most urgent first, until stopped and the queue is empty. */
    private void work() {
        while (running || !queue.isEmpty()) {
            Outgoing outgoing;
            try {
                outgoing = queue.take(IDLE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (outgoing == null) {
                continue;
            }
            if (queue.size() < concurrency) {
                // The queue runs short: the dispatcher may claim the next chunk.
                signal.wake();
            }
            busy.incrementAndGet();
            try {
                sendOne(outgoing);
            } finally {
                busy.decrementAndGet();
            }
            if (queue.isEmpty()) {
                // A rate-limited channel claims only for idle workers: this one is idle now.
                signal.wake();
            }
        }
    }

    private void sendOne(Outgoing outgoing) {
        boolean queued = false;
        try {
            SendResult result;
            if (outgoing.validUntil().isBefore(Instant.now())) {
                result = new SendResult.Expired();
            } else {
                // A span of the request's trace (the campaign's launch): the provider's HTTP call carries it.
                Span span = tracer.spanBuilder("send " + outgoing.channel().name().toLowerCase(java.util.Locale.ROOT))
                        .setSpanKind(SpanKind.CLIENT).setParent(TraceParents.context(outgoing.traceParent()))
                        .setAttribute("muster.delivery.id", outgoing.id().toString())
                        .setAttribute("muster.delivery.attempt", (long) outgoing.attempt())
                        .startSpan();
                try (Scope scope = span.makeCurrent()) {
                    result = outgoing.channel() == Channel.EMAIL ? email.send(outgoing) : twilio.send(outgoing);
                } catch (RuntimeException e) {
                    result = new SendResult.Retryable("NOTIFIER_ERROR", null, e.toString());
                } finally {
                    span.end();
                }
            }
            count(outgoing.channel(), result);
            // The claim counts as unwritten until its answer is recorded (or given up on).
            answers.submit(Map.entry(outgoing, result)).whenComplete((written, failure) -> freeSlot());
            queued = true;
        } finally {
            if (!queued) {
                freeSlot();
            }
        }
    }

    /** A claim's answer is written (or given up on): its slot may be claimed again. */
    private void freeSlot() {
        unwritten.release();
        if (queue.size() < concurrency && unwritten.availablePermits() >= Math.max(1, concurrency / 4)) {
            signal.wake();
        }
    }

    private void count(Channel channel, SendResult result) {
        String outcome = result.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        counters.computeIfAbsent(channel + "/" + outcome, key -> Counter.builder("muster.notifier.sends")
                        .description("Provider calls by channel and outcome")
                        .tag("channel", channel.name())
                        .tag("outcome", outcome)
                        .register(metrics))
                .increment();
        if (result instanceof SendResult.Accepted) {
            long second = Instant.now().getEpochSecond();
            int slot = (int) (second % sendsPerSecond.length());
            long previous = sendsSecond.getAndSet(slot, second);
            if (previous != second) {
                sendsPerSecond.set(slot, 0);
            }
            sendsPerSecond.incrementAndGet(slot);
        }
    }

    private String accountOf(Channel channel) {
        return channel == Channel.EMAIL ? email.accountName() : twilio.accountName();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.muster.notifier.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.muster.notifier.delivery.BatchWriter;
import org.muster.notifier.delivery.Deliveries;
import org.muster.notifier.delivery.ProviderCallback;
import org.muster.platform.inbox.TransientFailures;

/**
 * Status callbacks, group-committed: concurrent callbacks are written together by one writer, in one transaction
 * per batch (two callbacks per message, each its own transaction, were most of notifier's database work). A
 * callback's future completes only once its batch committed, so Twilio's 2xx still means persisted.
 *
 * <p>Twilio does not send a status callback again, whatever the answer: a callback that meets a database blip
 * waits for the database, up to {@link #WAIT_FOR_DATABASE} (below Twilio's 15 s timeout), before it is answered
 * 503. Each wait counts in {@code muster.notifier.callbacks.retries}.
 */
@ApplicationScoped
public class StatusCallbacks {

    /** Enough for Twilio's callbacks of a few thousand messages a second in a few transactions. */
    static final int MAX_BATCH = 200;

    /** How long a callback waits for an unreachable database; Twilio gives up on the request after 15 s. */
    static final Duration WAIT_FOR_DATABASE = Duration.ofSeconds(10);

    @Inject
    Deliveries deliveries;

    @Inject
    MeterRegistry metrics;

    private BatchWriter<ProviderCallback> writer;

    @PostConstruct
    void start() {
        DistributionSummary batchSizes = DistributionSummary.builder("muster.notifier.callbacks.batch")
                .description("Status callbacks written per transaction")
                .register(metrics);
        Counter retries = Counter.builder("muster.notifier.callbacks.retries")
                .description("Waits of a batch of status callbacks for an unreachable database")
                .register(metrics);
        // A callback at fault is retried alone twice at most; one that meets a database blip waits it out.
        writer = new BatchWriter<ProviderCallback>("notifier-callbacks", MAX_BATCH, 2, Duration.ofMillis(100),
                batch -> {
                    batchSizes.record(batch.size());
                    deliveries.recordCallbacks(batch);
                })
                .waitOutTransientFailures(TransientFailures::isTransient, WAIT_FOR_DATABASE, retries::increment)
                .start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        writer.close(Duration.ofSeconds(10));
    }

    /** Completes once the callback is committed; exceptionally if it could not be. */
    public CompletableFuture<Void> record(ProviderCallback callback) {
        return writer.submit(callback);
    }

    /** Callbacks waiting for the writer. */
    public int waiting() {
        return writer.waiting();
    }
}

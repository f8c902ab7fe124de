package org.muster.notifier.webhooks;

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

/**
 * Status callbacks, group-committed: concurrent callbacks are written together by one writer, in one transaction
 * per batch (two callbacks per message, each its own transaction, were most of notifier's database work). A
 * callback's future completes only once its batch committed, so Twilio's 2xx still means persisted.
 */
@ApplicationScoped
public class StatusCallbacks {

    /** Enough for Twilio's callbacks of a few thousand messages a second in a few transactions. */
    static final int MAX_BATCH = 200;

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
        // Retried alone twice at most: Twilio retries a callback that got a 5xx, and waits up to 15 s for the answer.
        writer = new BatchWriter<ProviderCallback>("notifier-callbacks", MAX_BATCH, 2, Duration.ofMillis(100),
                batch -> {
                    batchSizes.record(batch.size());
                    deliveries.recordCallbacks(batch);
                }).start();
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

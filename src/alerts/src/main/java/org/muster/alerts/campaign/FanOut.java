package org.muster.alerts.campaign;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Works through running campaigns batch by batch ({@link FanOutBatch}), on one background
 * thread per instance, one batch of each running campaign in turn. While a batch is written,
 * a second thread reads and renders the campaign's next one (the recipients after the batch's
 * last); the write checks that the mark is still where a prepared batch starts, so a batch
 * prepared ahead of a failed, paused or foreign write is dropped and prepared again. Woken after
 * a launch or resume commits; polls every second for work started by other instances. A batch
 * that fails is rolled back whole and tried again.
 */
@ApplicationScoped
public class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class);
    private static final Duration RETRY_FAILED_CAMPAIGN = Duration.ofSeconds(5);

    @Inject
    FanOutBatch batch;

    @ConfigProperty(name = "muster.alerts.fan-out.enabled", defaultValue = "true")
    boolean enabled;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private ExecutorService ahead;
    /** Each campaign's next batch, being prepared; touched by the worker thread only. */
    private final Map<UUID, Future<FanOutBatch.Prepared>> prepared = new HashMap<>();
    /** Campaigns whose last batch failed, and when to try them again; only the fan-out thread uses it. */
    private final Map<UUID, Instant> retryAfter = new HashMap<>();

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        ahead = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "campaign-fan-out-ahead");
            t.setDaemon(true);
            return t;
        });
        worker = new Thread(this::loop, "campaign-fan-out");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
        if (ahead != null) {
            ahead.shutdownNow();
        }
    }

    public void wake() {
        wake.release();
    }

    /** Writes the campaign's next batch, having its following one prepared meanwhile. @return whether to come back at once */
    private boolean work(UUID campaign) {
        Future<FanOutBatch.Prepared> next = prepared.remove(campaign);
        FanOutBatch.Prepared current = next == null ? batch.prepare(campaign, batch.mark(campaign)) : await(next);
        if (current == null) {
            return false;
        }
        if (current.last() != null) {
            prepared.put(campaign, ahead.submit(() -> batch.prepare(campaign, current.last())));
        }
        int written = batch.write(current);
        if (written <= 0) {
            prepared.remove(campaign);
        }
        // -1: the mark moved since the batch was prepared: prepare from the new mark at once.
        return written != 0;
    }

    private static FanOutBatch.Prepared await(Future<FanOutBatch.Prepared> next) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing a fan-out batch", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void loop() {
        while (running) {
            boolean worked = false;
            try {
                List<UUID> campaigns = batch.running();
                prepared.keySet().retainAll(campaigns);
                retryAfter.keySet().retainAll(campaigns);
                for (UUID campaign : campaigns) {
                    Instant retry = retryAfter.get(campaign);
                    if (retry != null && Instant.now().isBefore(retry)) {
                        continue;
                    }
                    try {
                        worked |= work(campaign);
                        retryAfter.remove(campaign);
                    } catch (RuntimeException e) {
                        // One campaign's failure must not hold back the others: a "leave now" launched
                        // after a campaign that cannot be sent still goes out.
                        Future<FanOutBatch.Prepared> ahead = prepared.remove(campaign);
                        if (ahead != null) {
                            ahead.cancel(false);
                        }
                        if (!running) {
                            return;
                        }
                        // Tried again a few seconds later, not at every turn of the others' fan-out.
                        retryAfter.put(campaign, Instant.now().plus(RETRY_FAILED_CAMPAIGN));
                        LOG.warnf(e, "fan-out batch of campaign %s failed; it was rolled back and will be tried again in %s",
                                campaign, RETRY_FAILED_CAMPAIGN);
                    }
                }
            } catch (RuntimeException e) {
                prepared.clear();
                if (!running) {
                    return;
                }
                LOG.warnf(e, "fan-out batch failed; it was rolled back and will be tried again");
            }
            if (!worked) {
                try {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

package org.muster.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Applies one incoming event in a transaction of its own and, while the database cannot be
 * reached, applies it again until it can: the event is neither dead-lettered nor acknowledged
 * meanwhile, and the consumer's partition waits behind it, in order. A failure of the event itself
 * (see {@link TransientFailures}) is thrown on to the channel's failure strategy (the dead-letter
 * topic) at once.
 *
 * <pre>{@code
 * @Incoming("delivery-events") @Blocking
 * void on(ConsumerRecord<String, String> record) {
 *     IncomingEvent event = IncomingEvent.of(record);
 *     inbox.apply(CONSUMER, () -> {
 *         if (processed.firstTime(CONSUMER, event.id())) ... apply the effect ...
 *     });
 * }
 * }</pre>
 *
 * <p>Each wait is counted in {@code muster.inbox.retries} (tag {@code consumer}): a counter that
 * keeps rising means a consumer stands still because of its database.
 *
 * <p>Once the application is stopping ({@link ApplicationStopping}) nothing is retried and nothing
 * waits: any failure, the database's or one that shutdown itself causes (a closed
 * EntityManagerFactory, a closed pool), is thrown as an {@link ApplicationStoppingException}, which
 * {@link DeadLetterUnlessStopping} leaves unacknowledged for the next consumer of the partition.
 */
@ApplicationScoped
public class InboxTransactions {

    private static final Logger LOG = Logger.getLogger(InboxTransactions.class);

    @Inject
    MeterRegistry meters;

    @Inject
    ApplicationStopping stopping;

    @ConfigProperty(name = "muster.inbox.retry.first-delay", defaultValue = "PT0.1S")
    Duration firstDelay;

    @ConfigProperty(name = "muster.inbox.retry.max-delay", defaultValue = "PT5S")
    Duration maxDelay;

    /** Runs {@code effect} in a new transaction, again after each transient failure, until it commits. */
    public void apply(String consumer, Runnable effect) {
        Duration delay = firstDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(effect);
                if (attempt > 1) {
                    LOG.infof("%s: applied after %d attempts, the database is back", consumer, attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (stopping.isStopping()) {
                    throw new ApplicationStoppingException(consumer, e);
                }
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                meters.counter("muster.inbox.retries", "consumer", consumer).increment();
                LOG.warnf("%s: the database failed (attempt %d: %s); the event waits and is tried again in %d ms",
                        consumer, attempt, rootMessage(e), delay.toMillis());
                // An interrupt does not end the wait (throwing would dead-letter the event); the
                // application stopping does, so that the wait never holds up shutdown.
                if (stopping.await(delay)) {
                    throw new ApplicationStoppingException(consumer, e);
                }
                delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

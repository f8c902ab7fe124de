package org.muster.platform.inbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.util.function.BiConsumer;

/**
 * The failure strategy of Muster's consumers ({@code failure-strategy=dead-letter-unless-stopping}):
 * the connector's dead-letter topic, except for an event that failed while the application stops.
 *
 * <p>While a service stops (a rolling deploy), Kafka still hands it events as Hibernate, the
 * connection pool and the CDI contexts close: such an event fails ("EntityManagerFactory is
 * closed") through no fault of its own, and dead-lettering it would throw a citizen's HELP away.
 * It is neither acknowledged nor dead-lettered instead: the throttled commit strategy never commits
 * an offset at or past an unacknowledged record, so the next consumer of the partition (the
 * restarted instance) gets it again, and {@link ProcessedEvents} skips whatever it had applied.
 * Nothing waits: the channel goes on and the application stops as it would.
 */
public class DeadLetterUnlessStopping implements KafkaFailureHandler {

    public static final String STRATEGY = "dead-letter-unless-stopping";

    private static final Logger LOG = Logger.getLogger(DeadLetterUnlessStopping.class);

    private final String channel;
    private final KafkaFailureHandler deadLetters;
    private final ApplicationStopping stopping;

    public DeadLetterUnlessStopping(String channel, KafkaFailureHandler deadLetters, ApplicationStopping stopping) {
        this.channel = channel;
        this.deadLetters = deadLetters;
        this.stopping = stopping;
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
        if (stopping.isStopping() || ApplicationStoppingException.isCause(reason)) {
            LOG.warnf("%s: %s/%d@%d failed while the application stops (%s); left unacknowledged for the next "
                            + "consumer of the partition, not dead-lettered", channel, record.getTopic(),
                    record.getPartition(), record.getOffset(), reason);
            // Completing without record.ack(): the offset stays unprocessed, so never committed.
            return Uni.createFrom().voidItem();
        }
        return deadLetters.handle(record, reason, metadata);
    }

    @Override
    public void terminate() {
        deadLetters.terminate();
    }

    /** Builds the handler of a channel around the connector's own dead-letter handler. */
    @ApplicationScoped
    @Identifier(STRATEGY)
    public static class Factory implements KafkaFailureHandler.Factory {

        @Inject
        @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
        KafkaFailureHandler.Factory deadLetterQueue;

        @Inject
        ApplicationStopping stopping;

        @Override
        public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                          KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            requireThrottledCommits(config.getChannel(), config.getCommitStrategy().orElse(null),
                    config.getEnableAutoCommit());
            return new DeadLetterUnlessStopping(config.getChannel(),
                    deadLetterQueue.create(config, vertx, consumer, reportFailure), stopping);
        }

        /**
         * Only the throttled strategy (the connector's default without auto-commit) holds its commit
         * at the first unacknowledged record; "latest" would commit past it with the next record
         * acknowledged, auto-commit with the next poll.
         */
        static void requireThrottledCommits(String channel, String commitStrategy, Boolean autoCommit) {
            boolean auto = Boolean.TRUE.equals(autoCommit);
            String effective = commitStrategy != null ? commitStrategy
                    : auto ? KafkaCommitHandler.Strategy.IGNORE : KafkaCommitHandler.Strategy.THROTTLED;
            if (auto || !KafkaCommitHandler.Strategy.THROTTLED.equals(effective)) {
                throw new IllegalArgumentException("channel " + channel + ": failure-strategy=" + STRATEGY
                        + " needs commit-strategy=throttled and enable.auto.commit=false, not commit-strategy="
                        + effective + " and enable.auto.commit=" + auto);
            }
        }
    }
}

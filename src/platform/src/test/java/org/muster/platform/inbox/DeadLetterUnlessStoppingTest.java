package org.muster.platform.inbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The strategy's decision, on a real connector record: a poison event goes to the dead-letter
 * handler; an event that failed while the application stops is neither dead-lettered nor
 * acknowledged (the commit handler never hears of it, so its offset is never committed).
 */
class DeadLetterUnlessStoppingTest {

    private final ApplicationStopping stopping = new ApplicationStopping();
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private final RecordingCommits commits = new RecordingCommits();
    private final DeadLetterUnlessStopping strategy =
            new DeadLetterUnlessStopping("delivery-events", deadLetters, stopping);

    @Test
    void a_poison_event_goes_to_the_dead_letter_topic_while_the_application_runs() {
        IncomingKafkaRecord<String, String> help = record(41);
        var poison = new IncomingEvent.MalformedEventException("lacks ce_id");

        strategy.handle(help, poison, Metadata.empty()).await().atMost(Duration.ofSeconds(5));

        assertThat(deadLetters.reasons).containsExactly(poison);
        assertThat(commits.acknowledged).containsExactly(41L);
    }

    @Test
    void any_failure_while_the_application_stops_is_left_unacknowledged() {
        stopping.begin();
        IncomingKafkaRecord<String, String> help = record(42);

        strategy.handle(help, new IllegalStateException("EntityManagerFactory is closed"), Metadata.empty())
                .await().atMost(Duration.ofSeconds(5));

        assertThat(deadLetters.reasons).isEmpty();
        assertThat(commits.acknowledged).isEmpty();
    }

    @Test
    void an_event_the_inbox_gave_up_on_because_of_the_shutdown_is_left_unacknowledged() {
        IncomingKafkaRecord<String, String> help = record(43);
        var failure = new RuntimeException("wrapped",
                new ApplicationStoppingException("registry-replies", new IllegalStateException("pool closed")));

        strategy.handle(help, failure, Metadata.empty()).await().atMost(Duration.ofSeconds(5));

        assertThat(deadLetters.reasons).isEmpty();
        assertThat(commits.acknowledged).isEmpty();
    }

    @Test
    void a_cause_chain_that_loops_is_read_to_its_end() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(ApplicationStoppingException.isCause(first)).isFalse();
    }

    @Test
    void the_strategy_needs_the_throttled_commits_that_stop_at_an_unacknowledged_record() {
        assertThatCode(() -> DeadLetterUnlessStopping.Factory.requireThrottledCommits("delivery-events", null, false))
                .doesNotThrowAnyException();
        assertThatCode(() -> DeadLetterUnlessStopping.Factory.requireThrottledCommits("delivery-events",
                KafkaCommitHandler.Strategy.THROTTLED, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DeadLetterUnlessStopping.Factory.requireThrottledCommits("delivery-events",
                KafkaCommitHandler.Strategy.LATEST, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delivery-events");
        assertThatThrownBy(() -> DeadLetterUnlessStopping.Factory.requireThrottledCommits("delivery-events", null, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private IncomingKafkaRecord<String, String> record(long offset) {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>("muster.delivery.events", 0, offset, "key", "{}"),
                "delivery-events", 0, commits, strategy, false, false);
    }

    /** Stands in for the connector's dead-letter handler, which sends to the topic, then acknowledges. */
    private static final class RecordingDeadLetters implements KafkaFailureHandler {
        final List<Throwable> reasons = new ArrayList<>();

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            reasons.add(reason);
            return Uni.createFrom().completionStage(record.ack());
        }
    }

    /** Stands in for the throttled commit strategy: what it is told is processed, it may commit. */
    private static final class RecordingCommits implements KafkaCommitHandler {
        final List<Long> acknowledged = new ArrayList<>();

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            acknowledged.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    }
}

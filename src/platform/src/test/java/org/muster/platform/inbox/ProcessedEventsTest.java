package org.muster.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.muster.platform.fixture.FixtureNational;
import org.muster.platform.fixture.FixtureReplies;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TestStack;
import org.muster.testing.TopicReader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A consumer made idempotent by ProcessedEvents applies each event once, however often it comes. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "platform"))
class ProcessedEventsTest {

    @Inject
    FixtureReplies replies;

    @Test
    void the_same_event_applied_twice_has_one_effect() {
        UUID national = newNational();
        IncomingEvent event = new IncomingEvent(UUID.randomUUID().toString(), "org.muster.fixture.Reply.v1",
                "/muster/test", Instant.now(), null, national.toString(), "{}");

        replies.count(event);
        replies.count(event);

        assertThat(repliesOf(national)).isEqualTo(1);
    }

    @Inject
    ProcessedEvents processed;

    @Inject
    ProcessedEventsRetention retention;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void ids_recorded_before_the_retention_are_forgotten_and_later_ones_kept() throws Exception {
        String consumer = "retention-test-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id, processed_at)
                        SELECT ?1, 'old-' || i, now() - interval '31 days' FROM generate_series(1, 10050) AS i
                        UNION ALL SELECT ?1, 'recent-' || i, now() - interval '29 days' FROM generate_series(1, 3) AS i
                        UNION ALL SELECT ?1, 'new', now()""")
                .setParameter(1, consumer).executeUpdate());

        // More than one chunk of 10,000: all of them go.
        assertThat(retention.forgetOld()).isGreaterThanOrEqualTo(10_050);

        List<Object> left = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT event_id FROM processed_event WHERE consumer = ?1 ORDER BY event_id").setParameter(1, consumer).getResultList());
        assertThat(left).containsExactly("new", "recent-1", "recent-2", "recent-3");
    }

    @Test
    void a_batch_records_each_id_once_and_answers_only_the_new_ones() {
        String seen = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> assertThat(processed.firstTime("batch-test", seen)).isTrue());

        Set<String> first = QuarkusTransaction.requiringNew().call(() ->
                processed.firstTime("batch-test", List.of(fresh, seen, fresh)));
        Set<String> again = QuarkusTransaction.requiringNew().call(() ->
                processed.firstTime("batch-test", List.of(fresh, seen)));

        assertThat(first).containsExactly(fresh);
        assertThat(again).isEmpty();
    }

    @Test
    void an_event_redelivered_by_kafka_has_one_effect_and_a_new_event_has_its_own() {
        UUID national = newNational();
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(reply(national, eventId));
            producer.send(reply(national, eventId));
            producer.send(reply(national, UUID.randomUUID().toString()));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> repliesOf(national) == 2);
        // Two distinct events, one of them delivered twice: never three.
        assertThat(repliesOf(national)).isEqualTo(2);
    }

    @Test
    void a_record_that_is_not_a_cloudevent_goes_to_the_dead_letter_topic() {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("platform.fixture.events", key, "{\"no\": \"headers\"}"));
            producer.flush();
        }
        try (TopicReader dlq = new TopicReader("platform.fixture.events.dlq")) {
            dlq.awaitRecords(records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));
        }
    }

    private static ProducerRecord<String, String> reply(UUID national, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>("platform.fixture.events", national.toString(),
                "{\"keyword\": \"SAFE\"}");
        Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", "org.muster.fixture.Reply.v1",
                        "ce_source", "/muster/test", "ce_time", Instant.now().toString())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private static UUID newNational() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            FixtureNational national = new FixtureNational();
            national.id = id;
            national.familyName = "Reply-" + id;
            national.welfare = "UNKNOWN";
            national.persist();
        });
        return id;
    }

    private static int repliesOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> FixtureNational.<FixtureNational>findById(id).replies);
    }
}

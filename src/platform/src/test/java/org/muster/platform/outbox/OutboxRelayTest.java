package org.muster.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.muster.platform.fixture.FixtureEvents;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TestStack;
import org.muster.testing.TopicReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Relays driven by hand: crashed mid-batch, restarted, and two at once. */
@QuarkusTest
@TestProfile(RelayOffProfile.class)
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "platform"))
class OutboxRelayTest {

    @Inject
    FixtureEvents events;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_relay_that_dies_mid_batch_loses_nothing_when_a_new_one_takes_over() throws Exception {
        List<String> keys = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<UUID> ids = events.record(keys, 10);

        // The first relay gets 30 events onto Kafka, then its process "dies" before the commit.
        AtomicInteger sent = new AtomicInteger();
        try (KafkaOutboxPublisher kafka = publisher()) {
            OutboxPublisher dying = new Failing(kafka, event -> sent.incrementAndGet() > 30);
            OutboxRelay first = new OutboxRelay(dataSource, dying, settings(1000));
            assertThatThrownBy(first::publishBatch).isInstanceOf(IllegalStateException.class);
            assertThat(pending(ids)).isEqualTo(ids.size());
        }

        try (KafkaOutboxPublisher kafka = publisher()) {
            OutboxRelay second = new OutboxRelay(dataSource, kafka, settings(1000));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                second.publishBatch();
                return pending(ids) == 0;
            });
        }

        try (TopicReader reader = new TopicReader(FixtureEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> records = reader.awaitRecords(
                    all -> OutboxTest.ofIds(all, ids).size() >= ids.size() + 30, Duration.ofSeconds(20));
            Map<String, Long> copies = countById(OutboxTest.ofIds(records, ids));
            assertThat(copies.keySet()).hasSize(ids.size());
            // At least once: the 30 acknowledged before the crash come twice, none is missing.
            assertThat(copies.values().stream().filter(c -> c == 2)).hasSize(30);
            assertThat(copies.values()).allMatch(c -> c == 1 || c == 2);
        }
    }

    @Test
    void two_relays_at_once_never_publish_a_row_twice_and_keep_the_order_of_each_key() throws Exception {
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<UUID> ids = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            ids.addAll(events.record(keys, 10));
        }

        try (KafkaOutboxPublisher kafkaA = publisher(); KafkaOutboxPublisher kafkaB = publisher()) {
            OutboxRelay a = new OutboxRelay(dataSource, kafkaA, settings(50));
            OutboxRelay b = new OutboxRelay(dataSource, kafkaB, settings(50));
            a.start("relay-a");
            b.start("relay-b");
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> pending(ids) == 0);
            } finally {
                a.stop();
                b.stop();
            }
        }

        try (TopicReader reader = new TopicReader(FixtureEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> records = OutboxTest.ofIds(reader.awaitRecords(
                    all -> OutboxTest.ofIds(all, ids).size() >= ids.size(), Duration.ofSeconds(30)), ids);
            assertThat(records).hasSize(ids.size());
            assertThat(countById(records).values()).allMatch(c -> c == 1);
            // Kafka keeps order per partition, and a key always goes to one partition.
            Map<String, List<String>> publishedByKey = new HashMap<>();
            records.forEach(r -> publishedByKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(TopicReader.header(r, "ce_id")));
            Map<String, List<String>> writtenByKey = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                writtenByKey.computeIfAbsent(keys.get(i % keys.size()), k -> new ArrayList<>())
                        .add(ids.get(i).toString());
            }
            assertThat(publishedByKey).isEqualTo(writtenByKey);
        }
    }

    @Test
    void a_relay_with_a_share_of_the_slots_publishes_only_its_own_and_two_shares_publish_everything() throws Exception {
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<UUID> ids = events.record(keys, 10);
        List<UUID> even = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (OutboxSlots.of(keys.get(i % keys.size())) % 2 == 0) {
                even.add(ids.get(i));
            }
        }
        assertThat(even).isNotEmpty().hasSizeLessThan(ids.size());

        try (KafkaOutboxPublisher kafka = publisher()) {
            OutboxRelay evens = new OutboxRelay(dataSource, kafka, settings(1000).withShare(new OutboxRelay.Share(0, 2)));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                evens.publishBatch();
                return pending(even) == 0;
            });
            // The odd slots are another relay's share: this one left them alone.
            assertThat(pending(ids)).isEqualTo(ids.size() - even.size());

            OutboxRelay odds = new OutboxRelay(dataSource, kafka, settings(1000).withShare(new OutboxRelay.Share(1, 2)));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                odds.publishBatch();
                return pending(ids) == 0;
            });
        }
        try (TopicReader reader = new TopicReader(FixtureEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> records = OutboxTest.ofIds(reader.awaitRecords(
                    all -> OutboxTest.ofIds(all, ids).size() >= ids.size(), Duration.ofSeconds(30)), ids);
            assertThat(countById(records).values()).hasSize(ids.size()).allMatch(c -> c == 1);
        }
        assertThatThrownBy(() -> new OutboxRelay.Share(2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_batch_row_goes_out_whole_past_the_batch_size_and_whole_again_after_a_relay_dies_mid_row() throws Exception {
        java.time.Instant at = java.time.Instant.parse("2021-08-26T14:05:00Z");
        List<org.muster.contracts.evacuation.FlightDeparted> departures = IntStream.range(0, 700)
                .mapToObj(i -> new org.muster.contracts.evacuation.FlightDeparted(UUID.randomUUID(), at, i, at)).toList();
        List<UUID> ids = events.recordBatch(departures);
        java.util.Set<UUID> ours = java.util.Set.copyOf(ids);

        AtomicInteger sent = new AtomicInteger();
        try (KafkaOutboxPublisher kafka = publisher()) {
            OutboxRelay dying = new OutboxRelay(dataSource,
                    new Failing(kafka, event -> ours.contains(event.eventId()) && sent.incrementAndGet() > 100), settings(500));
            assertThatThrownBy(dying::publishBatch).isInstanceOf(IllegalStateException.class);
            assertThat(pendingEvents()).isEqualTo(700);

            // A row is read whole: 700 events for a relay whose batch is 500, in one go.
            OutboxRelay next = new OutboxRelay(dataSource, kafka, settings(500));
            assertThat(next.publishBatch()).isEqualTo(700);
            assertThat(pendingEvents()).isZero();
        }
        try (TopicReader reader = new TopicReader(org.muster.contracts.Topics.EVACUATION_MANIFESTS)) {
            List<ConsumerRecord<String, String>> records = OutboxTest.ofIds(reader.awaitRecords(
                    all -> OutboxTest.ofIds(all, ids).size() >= ids.size(), Duration.ofSeconds(30)), ids);
            Map<String, Long> copies = countById(records);
            assertThat(copies).hasSize(700);
            // Sent again with the same ids: at most the 100 the dying relay had sent, never a new id.
            assertThat(copies.values().stream().filter(c -> c == 2)).hasSizeLessThanOrEqualTo(100);
            assertThat(copies.values()).allMatch(c -> c <= 2);
        }
    }

    private long pendingEvents() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT coalesce(sum(events), 0) FROM outbox WHERE sent_at IS NULL");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> countById(List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(Collectors.groupingBy(r -> TopicReader.header(r, "ce_id"),
                Collectors.counting()));
    }

    private long pending(List<UUID> ids) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND event_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static KafkaOutboxPublisher publisher() {
        return KafkaOutboxPublisher.create(TestStack.kafka().bootstrapServers(), "/muster/platform-fixture", Map.of());
    }

    private static OutboxRelay.Settings settings(int batchSize) {
        return new OutboxRelay.Settings(batchSize, Duration.ofMillis(50), Duration.ofSeconds(10), Duration.ofDays(1),
                Duration.ofMillis(100));
    }

    /** Passes events to Kafka until told to fail, as a process that dies mid-batch would. */
    private record Failing(OutboxPublisher delegate, Function<OutboxRecord, Boolean> failNow)
            implements OutboxPublisher {
        @Override
        public CompletableFuture<Void> publish(OutboxRecord event) {
            if (failNow.apply(event)) {
                return CompletableFuture.failedFuture(new IllegalStateException("process died"));
            }
            return delegate.publish(event);
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public void close() {
        }
    }
}

package org.muster.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.evacuation.FlightDeparted;
import org.muster.platform.fixture.FixtureEvents;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TopicReader;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox as a service uses it, with the service's own relay running. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "platform"))
class OutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FixtureEvents events;

    @Test
    void events_of_a_committed_transaction_arrive_in_order_per_key_as_cloudevents() throws Exception {
        List<String> keys = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        List<UUID> ids = events.record(keys, 20);

        try (TopicReader reader = new TopicReader(FixtureEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> mine = reader.awaitRecords(
                    all -> firstOfEach(all, ids).size() == ids.size(), Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> published = firstOfEach(mine, ids);
            for (ConsumerRecord<String, String> record : published) {
                assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
                assertThat(TopicReader.header(record, "ce_type")).isEqualTo(FixtureEvents.TYPE);
                assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/muster/platform-fixture");
                assertThat(Instant.parse(TopicReader.header(record, "ce_time"))).isBefore(Instant.now());
                assertThat(TopicReader.header(record, "ce_subject")).isEqualTo("national/" + record.key());
                assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/json");
                assertThat(JSON.readTree(record.value()).get("nationalId").asText()).isEqualTo(record.key());
            }
            Map<String, List<Integer>> sequencesByKey = new HashMap<>();
            for (ConsumerRecord<String, String> record : published) {
                JsonNode body = JSON.readTree(record.value());
                sequencesByKey.computeIfAbsent(record.key(), k -> new java.util.ArrayList<>())
                        .add(body.get("sequence").asInt());
            }
            assertThat(sequencesByKey.keySet()).containsExactlyInAnyOrderElementsOf(keys);
            List<Integer> expected = java.util.stream.IntStream.range(0, 20).boxed().toList();
            sequencesByKey.values().forEach(sequences -> assertThat(sequences).containsExactlyElementsOf(expected));
        }
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing() {
        String refused = UUID.randomUUID().toString();
        assertThatThrownBy(() -> events.recordThenFail(refused)).isInstanceOf(IllegalStateException.class);
        // A later committed event of the same key shows the relay went past where the other would be.
        List<UUID> later = events.record(List.of(refused), 1);

        try (TopicReader reader = new TopicReader(FixtureEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> all = reader.awaitRecords(
                    records -> firstOfEach(records, later).size() == 1, Duration.ofSeconds(20));
            assertThat(all.stream().filter(r -> refused.equals(r.key())).map(r -> TopicReader.header(r, "ce_id")).distinct()).hasSize(1);
        }
    }

    @Test
    void a_catalogued_event_goes_to_its_topic_with_its_type_and_key() throws Exception {
        UUID flight = UUID.randomUUID();
        Instant departed = Instant.parse("2021-08-26T14:05:00Z");
        UUID id = events.record(new FlightDeparted(flight, departed, 312, departed));

        try (TopicReader reader = new TopicReader(Topics.EVACUATION_MANIFESTS)) {
            ConsumerRecord<String, String> record = firstOfEach(reader.awaitRecords(
                    all -> firstOfEach(all, List.of(id)).size() == 1, Duration.ofSeconds(20)), List.of(id)).get(0);
            assertThat(record.key()).isEqualTo(flight.toString());
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(FlightDeparted.TYPE);
            FlightDeparted read = EventJson.fromJson(record.value(), FlightDeparted.class);
            assertThat(read.passengersBoarded()).isEqualTo(312);
            assertThat(read.departedAt()).isEqualTo(departed);
        }
    }

    @Test
    void events_recorded_together_are_published_once_each_in_their_order_per_key() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant at = Instant.parse("2021-08-26T14:05:00Z");
        List<FlightDeparted> departures = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> new FlightDeparted(i % 2 == 0 ? first : second, at, i, at))
                .toList();
        List<UUID> ids = events.recordAll(departures);
        assertThat(ids).hasSize(300).doesNotHaveDuplicates();

        try (TopicReader reader = new TopicReader(Topics.EVACUATION_MANIFESTS)) {
            List<ConsumerRecord<String, String>> published = firstOfEach(reader.awaitRecords(
                    all -> firstOfEach(all, ids).size() >= ids.size(), Duration.ofSeconds(30)), ids);
            assertThat(published).hasSize(300);
            for (UUID flight : List.of(first, second)) {
                List<Integer> boarded = published.stream()
                        .filter(r -> r.key().equals(flight.toString()))
                        .peek(r -> assertThat(TopicReader.header(r, "ce_type")).isEqualTo(FlightDeparted.TYPE))
                        .map(r -> EventJson.fromJson(r.value(), FlightDeparted.class).passengersBoarded())
                        .toList();
                int parity = flight.equals(first) ? 0 : 1;
                assertThat(boarded).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 300)
                        .filter(i -> i % 2 == parity).boxed().toList());
            }
        }
    }

    @Test
    void events_recorded_together_in_a_rolled_back_transaction_are_not_published() {
        UUID refused = UUID.randomUUID();
        Instant at = Instant.parse("2021-08-26T14:05:00Z");
        assertThatThrownBy(() -> events.recordAllThenFail(List.of(new FlightDeparted(refused, at, 1, at),
                new FlightDeparted(refused, at, 2, at)))).isInstanceOf(IllegalStateException.class);
        UUID later = events.record(new FlightDeparted(refused, at, 3, at));

        try (TopicReader reader = new TopicReader(Topics.EVACUATION_MANIFESTS)) {
            List<ConsumerRecord<String, String>> all = reader.awaitRecords(
                    records -> firstOfEach(records, List.of(later)).size() == 1, Duration.ofSeconds(20));
            assertThat(all.stream().filter(r -> refused.toString().equals(r.key())).map(r -> TopicReader.header(r, "ce_id")).distinct()).hasSize(1);
        }
    }

    @Test
    void events_recorded_as_one_batch_row_are_published_once_each_with_their_ids_in_their_order() throws Exception {
        Instant at = Instant.parse("2021-08-26T14:05:00Z");
        List<FlightDeparted> departures = java.util.stream.IntStream.range(0, 1200)
                .mapToObj(i -> new FlightDeparted(UUID.randomUUID(), at, i, at)).toList();
        List<UUID> ids = events.recordBatch(departures);
        assertThat(ids).hasSize(1200).doesNotHaveDuplicates();

        try (TopicReader reader = new TopicReader(Topics.EVACUATION_MANIFESTS)) {
            List<ConsumerRecord<String, String>> published = firstOfEach(reader.awaitRecords(
                    all -> firstOfEach(all, ids).size() >= ids.size(), Duration.ofSeconds(30)), ids);
            assertThat(published).hasSize(1200);
            Map<Integer, List<Integer>> orderPerPartition = new HashMap<>();
            for (ConsumerRecord<String, String> record : published) {
                int i = ids.indexOf(UUID.fromString(TopicReader.header(record, "ce_id")));
                orderPerPartition.computeIfAbsent(record.partition(), p -> new java.util.ArrayList<>()).add(i);
                FlightDeparted departure = departures.get(i);
                assertThat(record.key()).isEqualTo(departure.flightId().toString());
                assertThat(TopicReader.header(record, "ce_type")).isEqualTo(FlightDeparted.TYPE);
                assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(departure.flightId().toString());
                assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/json");
                assertThat(EventJson.fromJson(record.value(), FlightDeparted.class)).isEqualTo(departure);
            }
            // Kafka orders a partition only: there, the batch's order holds.
            orderPerPartition.values().forEach(order -> assertThat(order).isSorted());
        }
    }

    @Test
    void a_batch_row_of_a_rolled_back_transaction_is_not_published_and_a_batch_is_of_one_topic() {
        UUID refused = UUID.randomUUID();
        Instant at = Instant.parse("2021-08-26T14:05:00Z");
        assertThatThrownBy(() -> events.recordBatchThenFail(List.of(new FlightDeparted(refused, at, 1, at))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> events.recordBatch(List.of(new FlightDeparted(refused, at, 2, at),
                new org.muster.contracts.alerts.AdvisoryPublished(UUID.randomUUID(), 1, "AF", null, null, List.of(),
                        Map.of(), at, null, null, null, at))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one topic");
        UUID later = events.record(new FlightDeparted(refused, at, 3, at));

        try (TopicReader reader = new TopicReader(Topics.EVACUATION_MANIFESTS)) {
            List<ConsumerRecord<String, String>> all = reader.awaitRecords(
                    records -> firstOfEach(records, List.of(later)).size() == 1, Duration.ofSeconds(20));
            assertThat(all.stream().filter(r -> refused.toString().equals(r.key())).map(r -> TopicReader.header(r, "ce_id")).distinct()).hasSize(1);
        }
    }

    @Test
    void a_tombstone_is_published_as_a_null_value_with_the_key() {
        String topic = "platform.fixture.nationals.compacted";
        String national = UUID.randomUUID().toString();
        UUID id = events.erase(topic, national);

        try (TopicReader reader = new TopicReader(topic)) {
            ConsumerRecord<String, String> record = firstOfEach(reader.awaitRecords(
                    all -> firstOfEach(all, List.of(id)).size() == 1, Duration.ofSeconds(20)), List.of(id)).get(0);
            assertThat(record.key()).isEqualTo(national);
            assertThat(record.value()).isNull();
            assertThat(TopicReader.header(record, "content-type")).isNull();
        }
    }

    @Test
    void an_event_carries_the_trace_context_it_was_recorded_in_and_none_when_there_was_none() {
        String launch = "00-" + "4bf92f3577b34da6a3ce929d0e0e4736" + "-" + "00f067aa0ba902b7" + "-01";
        String status = "00-" + "0af7651916cd43dd8448eb211c80319c" + "-" + "b7ad6b7169203331" + "-01";
        Instant at = Instant.parse("2021-08-26T14:05:00Z");
        List<UUID> within = events.recordWithin(launch, new FlightDeparted(UUID.randomUUID(), at, 1, at),
                List.of(new FlightDeparted(UUID.randomUUID(), at, 2, at), new FlightDeparted(UUID.randomUUID(), at, 3, at)));
        List<UUID> each = events.recordAll(List.of(new FlightDeparted(UUID.randomUUID(), at, 4, at),
                new FlightDeparted(UUID.randomUUID(), at, 5, at)), java.util.Arrays.asList(status, null));
        UUID outside = events.record(new FlightDeparted(UUID.randomUUID(), at, 6, at));
        List<UUID> ids = new java.util.ArrayList<>(within);
        ids.addAll(each);
        ids.add(outside);

        try (TopicReader reader = new TopicReader(Topics.EVACUATION_MANIFESTS)) {
            Map<String, String> traceById = new HashMap<>();
            firstOfEach(reader.awaitRecords(all -> firstOfEach(all, ids).size() == ids.size(), Duration.ofSeconds(20)), ids)
                    .forEach(r -> traceById.put(TopicReader.header(r, "ce_id"), String.valueOf(TopicReader.header(r, "traceparent"))));
            assertThat(within).allSatisfy(id -> assertThat(traceById.get(id.toString())).isEqualTo(launch));
            assertThat(traceById.get(each.get(0).toString())).isEqualTo(status);
            assertThat(traceById.get(each.get(1).toString())).isEqualTo("null");
            assertThat(traceById.get(outside.toString())).isEqualTo("null");
        }
    }

    static List<ConsumerRecord<String, String>> ofIds(List<ConsumerRecord<String, String>> records, List<UUID> ids) {
        Set<String> wanted = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        return records.stream().filter(r -> wanted.contains(TopicReader.header(r, "ce_id"))).toList();
    }

    /**
     * The records of these ids, each once, where it first arrived: the relay publishes at least
     * once, and a batch it sends again after a failure (a broker timeout on a loaded machine) comes
     * twice with the same ids, which consumers drop. Order and "once each" are what consumers see.
     */
    static List<ConsumerRecord<String, String>> firstOfEach(List<ConsumerRecord<String, String>> records, List<UUID> ids) {
        Set<String> seen = new java.util.HashSet<>();
        return ofIds(records, ids).stream().filter(r -> seen.add(TopicReader.header(r, "ce_id"))).toList();
    }
}

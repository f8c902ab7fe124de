package org.muster.notifier.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.contracts.CloudEventHeaders;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.notifier.Lookups;
import org.muster.notifier.NotifierStack;
import org.muster.notifier.Requests;
import org.muster.notifier.sending.Dispatcher;
import org.muster.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One poll of records handed to the consumer as the connector hands it in batch mode, so that what shares a poll
 * is certain: the malformed records go to the dead-letter topic alone, the others are accepted, each once.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
class DeliveryRequestsTest {

    private static final String TOPIC = Topics.DELIVERY_REQUESTS;

    @Inject
    DeliveryRequests consumer;

    @Inject
    Lookups lookups;

    @Inject
    Dispatcher dispatcher;

    @AfterEach
    void send() {
        dispatcher.resume();
    }

    /** Offsets far above anything the tests publish, so that this poll's dead letters are told apart. */
    private long offset = 1_000_000_000L + (System.nanoTime() & 0xffffff) * 100;

    @Test
    void malformed_records_go_to_the_dead_letter_topic_alone_and_the_rest_of_the_poll_is_accepted() {
        DeliveryRequested first = Requests.sms("+93700700011", "first");
        DeliveryRequested second = Requests.sms("+93700700021", "second");
        DeliveryRequested wrongKey = new DeliveryRequested(
                DeliveryRequested.requestIdOf(first.campaignId(), UUID.randomUUID(), Channel.SMS), first.campaignId(),
                first.recipientId(), Channel.SMS, first.address(), "en", null, "x", first.priority(),
                first.validUntil(), 0, first.occurredAt());
        DeliveryRequested longLanguage = Requests.request(UUID.randomUUID(), UUID.randomUUID(), Channel.SMS,
                "+93700700031", "en-" + "x".repeat(40), "x", 0);
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        poll.add(record(first.eventKey(), DeliveryRequested.TYPE, "e1-" + first.recipientId(), EventJson.toJson(first)));
        ConsumerRecord<String, String> otherType =
                record(UUID.randomUUID().toString(), "org.muster.alerts.Other", UUID.randomUUID().toString(), "{}");
        ConsumerRecord<String, String> tombstone =
                record(UUID.randomUUID().toString(), DeliveryRequested.TYPE, UUID.randomUUID().toString(), null);
        ConsumerRecord<String, String> notJson =
                record(UUID.randomUUID().toString(), DeliveryRequested.TYPE, UUID.randomUUID().toString(), "{not json");
        ConsumerRecord<String, String> refused = record(wrongKey.eventKey(), DeliveryRequested.TYPE,
                UUID.randomUUID().toString(), EventJson.toJson(wrongKey));
        ConsumerRecord<String, String> tooLong = record(longLanguage.eventKey(), DeliveryRequested.TYPE,
                UUID.randomUUID().toString(), EventJson.toJson(longLanguage));
        ConsumerRecord<String, String> noHeaders = new ConsumerRecord<>(TOPIC, 0, offset++, "k", "{}");
        List<ConsumerRecord<String, String>> malformed = List.of(otherType, tombstone, notJson, refused, tooLong,
                noHeaders);
        poll.addAll(malformed);
        poll.add(record(second.eventKey(), DeliveryRequested.TYPE, "e2-" + second.recipientId(),
                EventJson.toJson(second)));
        // The first request again: redelivered (same event id), and published again (new event id).
        poll.add(record(first.eventKey(), DeliveryRequested.TYPE, "e1-" + first.recipientId(), EventJson.toJson(first)));
        poll.add(record(first.eventKey(), DeliveryRequested.TYPE, UUID.randomUUID().toString(),
                EventJson.toJson(first)));

        // Nothing sent meanwhile: the status read below is the one the poll stored, not a send racing the read.
        dispatcher.pause();
        consumer.on(new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), poll), Map.of()));

        // Returned: the dead letters are in Kafka and the transaction committed, nothing left to wait for.
        assertThat(lookups.deliveries(first.requestId())).isEqualTo(1);
        assertThat(lookups.deliveries(second.requestId())).isEqualTo(1);
        assertThat(lookups.delivery(wrongKey.requestId())).isNull();
        assertThat(lookups.delivery(longLanguage.requestId())).isNull();
        Delivery accepted = lookups.delivery(first.requestId());
        assertThat(accepted.status).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(lookups.history(accepted.id)).extracting(h -> h.status, h -> h.detail)
                .startsWith(org.assertj.core.groups.Tuple.tuple(DeliveryStatus.QUEUED, "requested"));
        try (TopicReader dlq = new TopicReader(Topics.deadLetter(TOPIC))) {
            List<Long> offsets = malformed.stream().map(ConsumerRecord::offset).toList();
            List<ConsumerRecord<String, String>> letters = dlq.awaitRecords(records -> records.stream()
                    .filter(r -> offsets.contains(offsetOf(r))).count() == offsets.size(), Duration.ofSeconds(30))
                    .stream().filter(r -> offsets.contains(offsetOf(r))).toList();
            assertThat(letters).hasSize(malformed.size());
            assertThat(letters).allSatisfy(letter -> {
                assertThat(TopicReader.header(letter, "dead-letter-topic")).isEqualTo(TOPIC);
                assertThat(TopicReader.header(letter, "dead-letter-reason")).isNotBlank();
            });
            ConsumerRecord<String, String> refusedLetter = letters.stream()
                    .filter(r -> offsetOf(r) == refused.offset()).findFirst().orElseThrow();
            assertThat(refusedLetter.key()).isEqualTo(refused.key());
            assertThat(refusedLetter.value()).isEqualTo(refused.value());
            assertThat(TopicReader.header(refusedLetter, "dead-letter-reason"))
                    .contains("requestId is not campaignId:recipientId:channel");
            assertThat(TopicReader.header(refusedLetter, CloudEventHeaders.TYPE)).isEqualTo(DeliveryRequested.TYPE);
            assertThat(letters.stream().filter(r -> offsetOf(r) == tombstone.offset()).findFirst().orElseThrow()
                    .value()).isNull();
        }
    }

    @Test
    void a_poll_seen_again_after_a_crash_changes_nothing() {
        DeliveryRequested request = Requests.sms("+93700700041", "again");
        ConsumerRecord<String, String> record = record(request.eventKey(), DeliveryRequested.TYPE,
                UUID.randomUUID().toString(), EventJson.toJson(request));
        ConsumerRecords<String, String> poll =
                new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), List.of(record)), Map.of());

        consumer.on(poll);
        Delivery accepted = lookups.delivery(request.requestId());
        consumer.on(poll);

        assertThat(lookups.deliveries(request.requestId())).isEqualTo(1);
        assertThat(lookups.delivery(request.requestId()).id).isEqualTo(accepted.id);
        assertThat(lookups.history(accepted.id).stream().filter(h -> h.detail.equals("requested"))).hasSize(1);
    }

    private ConsumerRecord<String, String> record(String key, String type, String eventId, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, offset++, key, value);
        Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                        CloudEventHeaders.ID, eventId,
                        CloudEventHeaders.TYPE, type,
                        CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_PREFIX + "alerts")
                .forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static long offsetOf(ConsumerRecord<String, String> letter) {
        String offset = TopicReader.header(letter, "dead-letter-offset");
        return offset == null ? -1 : Long.parseLong(offset);
    }
}

package org.muster.notifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.muster.contracts.CloudEventHeaders;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.contracts.notifier.DeliveryStatusChanged;
import org.muster.testing.EventProducer;
import org.muster.testing.EventSchemas;
import org.muster.testing.TestStack;
import org.muster.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery requests as alerts publishes them, and the status events notifier answers with. */
public final class Requests {

    private Requests() {
    }

    public static DeliveryRequested request(UUID campaign, UUID recipient, Channel channel, String address,
                                            String language, String body, int step) {
        return new DeliveryRequested(DeliveryRequested.requestIdOf(campaign, recipient, channel), campaign, recipient,
                channel, address, language, channel == Channel.EMAIL ? "Leave now" : null, body,
                DeliveryPriority.LEAVE_NOW, Instant.now().plus(Duration.ofHours(1)), step, Instant.now());
    }

    public static DeliveryRequested sms(String address, String body) {
        return request(UUID.randomUUID(), UUID.randomUUID(), Channel.SMS, address, "en", body, 0);
    }

    public static void publish(DeliveryRequested request) {
        publish(request, UUID.randomUUID().toString());
    }

    public static void publish(DeliveryRequested request, String eventId) {
        assertThat(EventSchemas.errors(DeliveryRequested.TYPE, EventJson.toJson(request))).isEmpty();
        EventProducer.publish(Topics.DELIVERY_REQUESTS, request, eventId, "alerts");
    }

    /**
     * Publishes the requests to one partition in one produce request (one record batch in the log), so that the
     * consumer reads them in one poll. Checked against the schema as alerts would have: only what alerts could
     * send.
     */
    public static void publishTogether(List<DeliveryRequested> requests) {
        publishTogether(requests, null);
    }

    /** The same, each record carrying {@code traceParent} as alerts' fan-out puts its trace context there. */
    public static void publishTogether(List<DeliveryRequested> requests, String traceParent) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, "10000"), new StringSerializer(), new StringSerializer())) {
            for (DeliveryRequested request : requests) {
                String json = EventJson.toJson(request);
                assertThat(EventSchemas.errors(DeliveryRequested.TYPE, json)).isEmpty();
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(Topics.DELIVERY_REQUESTS, 0, request.eventKey(), json);
                Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                                CloudEventHeaders.TYPE, DeliveryRequested.TYPE,
                                CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_PREFIX + "alerts",
                                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                if (traceParent != null) {
                    record.headers().add("traceparent", traceParent.getBytes(StandardCharsets.US_ASCII));
                }
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** The status events of one recipient, in order, once {@code done} holds; each checked against its schema. */
    public static List<DeliveryStatusChanged> statuses(TopicReader events, UUID recipient,
                                                       java.util.function.Predicate<List<DeliveryStatusChanged>> done) {
        events.awaitRecords(records -> done.test(parse(records, recipient)), Duration.ofSeconds(30));
        return parse(events.poll(), recipient);
    }

    private static List<DeliveryStatusChanged> parse(List<ConsumerRecord<String, String>> records, UUID recipient) {
        return records.stream()
                .filter(r -> recipient.toString().equals(r.key()))
                .filter(r -> DeliveryStatusChanged.TYPE.equals(TopicReader.header(r, "ce_type")))
                .peek(r -> assertThat(EventSchemas.errors(DeliveryStatusChanged.TYPE, r.value())).isEmpty())
                .map(r -> EventJson.fromJson(r.value(), DeliveryStatusChanged.class))
                .collect(Collectors.toList());
    }
}

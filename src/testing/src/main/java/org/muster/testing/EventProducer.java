package org.muster.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.muster.contracts.CloudEventHeaders;
import org.muster.contracts.EventJson;
import org.muster.contracts.EventPayload;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Publishes an event to the test broker as another service would (CloudEvents binary mode), so
 * a test can feed a consumer without that service. Checks the payload against its schema first:
 * a test must not feed what the producer could never send.
 */
public final class EventProducer {

    private EventProducer() {
    }

    /** Publishes {@code payload} on {@code topic}, with this event id, as sent by {@code service}. */
    public static void publish(String topic, EventPayload payload, String eventId, String service) {
        String json = EventJson.toJson(payload);
        var errors = EventSchemas.errors(payload.eventType(), json);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(payload.eventType() + " does not match its schema: " + errors);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, payload.eventKey(), json);
        Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                        CloudEventHeaders.ID, eventId,
                        CloudEventHeaders.TYPE, payload.eventType(),
                        CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_PREFIX + service,
                        CloudEventHeaders.SUBJECT, payload.eventKey(),
                        CloudEventHeaders.TIME, Instant.now().toString(),
                        CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    /**
     * Publishes a tombstone (a null value) for {@code key} as a compacted topic's owner does on
     * erasure through the outbox: CloudEvents headers of {@code type}, no content type.
     */
    public static void publishTombstone(String topic, String key, String type, String service) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, null);
        Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                        CloudEventHeaders.ID, java.util.UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, type,
                        CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_PREFIX + service,
                        CloudEventHeaders.SUBJECT, key,
                        CloudEventHeaders.TIME, Instant.now().toString())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    private static void send(ProducerRecord<String, String> record) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e.getCause());
        }
    }
}

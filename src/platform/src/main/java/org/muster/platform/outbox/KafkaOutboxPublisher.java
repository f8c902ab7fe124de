package org.muster.platform.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.muster.contracts.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes outbox events as CloudEvents 1.0 in Kafka's binary mode: attributes in {@code ce_*}
 * headers, the JSON payload as the record value, the aggregate id as the key.
 */
public final class KafkaOutboxPublisher implements OutboxPublisher {

    private final Producer<String, byte[]> producer;
    private final String source;

    public KafkaOutboxPublisher(Producer<String, byte[]> producer, String source) {
        this.producer = producer;
        this.source = source;
    }

    /**
     * A producer that keeps the order of each key and writes nothing twice on its own retries
     * (idempotence), and that only counts a send once every in-sync replica has it.
     */
    public static KafkaOutboxPublisher create(String bootstrapServers, String source, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + source.replaceAll("[^A-Za-z0-9._-]", "_"));
        props.putAll(overrides);
        return new KafkaOutboxPublisher(
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()), source);
    }

    @Override
    public CompletableFuture<Void> publish(OutboxRecord event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, event.eventId().toString());
        header(headers, CloudEventHeaders.TYPE, event.type());
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        if (event.subject() != null) {
            header(headers, CloudEventHeaders.SUBJECT, event.subject());
        }
        byte[] value = null;
        if (event.payload() != null) {
            header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
            value = event.payload().getBytes(StandardCharsets.UTF_8);
        }
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(event.topic(), null, event.key(), value, headers), (metadata, error) -> {
            if (error == null) {
                acknowledged.complete(null);
            } else {
                acknowledged.completeExceptionally(error);
            }
        });
        return acknowledged;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}

package org.muster.platform.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.muster.contracts.CloudEventHeaders;
import org.muster.platform.tracing.TraceParents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Publishes outbox events as CloudEvents 1.0 in Kafka's binary mode: attributes in {@code ce_*}
 * headers, the JSON payload as the record value, the aggregate id as the key.
 */
public final class KafkaOutboxPublisher implements OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(KafkaOutboxPublisher.class);

    private static final byte[] SPEC_VERSION = bytes(CloudEventHeaders.SPEC_VERSION_VALUE);
    private static final byte[] JSON = bytes("application/json");

    private final Supplier<Producer<String, byte[]>> producers;
    private final byte[] source;
    /**
     * Header values most events share, encoded once: event types, and the last time (a fan-out's
     * thousand requests, a relay batch written in one transaction, share theirs).
     */
    private final Map<String, byte[]> types = new ConcurrentHashMap<>();
    private volatile Time lastTime = new Time(Instant.EPOCH, bytes(DateTimeFormatter.ISO_INSTANT.format(Instant.EPOCH)));
    private volatile Producer<String, byte[]> producer;
    /** A producer the broker found out of sequence with; replaced before the next send. */
    private volatile Producer<String, byte[]> outOfSequence;

    /** @param producers makes a producer now, and another whenever one has to be replaced */
    public KafkaOutboxPublisher(Supplier<Producer<String, byte[]>> producers, String source) {
        this.producers = producers;
        this.source = bytes(source);
        this.producer = producers.get();
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
                () -> new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()), source);
    }

    @Override
    public CompletableFuture<Void> publish(OutboxRecord event) {
        return publish(event.eventId(), event.topic(), event.key(), event.type(), event.subject(),
                event.payload() == null ? null : bytes(event.payload()), event.occurredAt(),
                event.traceParent() == null ? null : bytes(event.traceParent()));
    }

    /**
     * Publishes one event whose JSON payload is already UTF-8 (the campaign fan-out writes its
     * requests so), as {@link #publish(OutboxRecord)} publishes a row.
     *
     * @param traceParent the W3C trace context the event continues (a {@code traceparent} header), or null
     */
    public CompletableFuture<Void> publish(UUID eventId, String topic, String key, String type, String subject,
                                           byte[] payload, Instant occurredAt, byte[] traceParent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, SPEC_VERSION);
        headers.add(CloudEventHeaders.ID, bytes(eventId.toString()));
        headers.add(CloudEventHeaders.TYPE, types.computeIfAbsent(type, KafkaOutboxPublisher::bytes));
        headers.add(CloudEventHeaders.SOURCE, source);
        headers.add(CloudEventHeaders.TIME, time(occurredAt));
        if (subject != null) {
            headers.add(CloudEventHeaders.SUBJECT, bytes(subject));
        }
        if (payload != null) {
            headers.add(CloudEventHeaders.CONTENT_TYPE, JSON);
        }
        if (traceParent != null) {
            headers.add(TraceParents.HEADER, traceParent);
        }
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Producer<String, byte[]> sending = current();
        sending.send(new ProducerRecord<>(topic, null, key, payload, headers), (metadata, error) -> {
            if (error == null) {
                acknowledged.complete(null);
            } else {
                if (error instanceof OutOfOrderSequenceException) {
                    // The idempotent producer could go on, but "at the risk of reordering" (its javadoc); the
                    // relay sends the failed batch again anyway, through a new producer, in order.
                    outOfSequence = sending;
                }
                acknowledged.completeExceptionally(error);
            }
        });
        return acknowledged;
    }

    /** The producer to send with: a new one in place of one that went out of sequence. */
    private synchronized Producer<String, byte[]> current() {
        Producer<String, byte[]> broken = outOfSequence;
        if (broken != null && broken == producer) {
            LOG.warn("The outbox's Kafka producer went out of sequence with the broker; sending through a new one");
            producer = producers.get();
            broken.close(java.time.Duration.ZERO);
        }
        outOfSequence = null;
        return producer;
    }

    private record Time(Instant at, byte[] iso) {
    }

    /** The {@code ce_time} header of an instant; header values are never written to, so they can be shared. */
    private byte[] time(Instant at) {
        Time last = lastTime;
        if (last.at().equals(at)) {
            return last.iso();
        }
        Time next = new Time(at, bytes(DateTimeFormatter.ISO_INSTANT.format(at)));
        lastTime = next;
        return next.iso();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
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

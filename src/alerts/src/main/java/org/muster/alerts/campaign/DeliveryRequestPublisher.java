package org.muster.alerts.campaign;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.platform.outbox.KafkaOutboxPublisher;
import org.muster.platform.outbox.OutboxRelayService;
import org.muster.platform.tracing.TraceParents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * Puts a fan-out batch's delivery requests on Kafka as the outbox relay puts events there (the
 * same CloudEvents headers, an idempotent producer, acknowledged by every in-sync replica), through
 * a producer of its own, and returns once Kafka has every one of them. Each carries the current span's
 * trace context ({@code traceparent}): notifier continues it to the provider.
 */
@ApplicationScoped
class DeliveryRequestPublisher {

    /** Beyond the producer's own delivery timeout (30 s), which fails every send still waiting. */
    private static final long ACKNOWLEDGED_WITHIN_SECONDS = 60;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxRelayService relay;

    private KafkaOutboxPublisher publisher;

    /** One delivery request ready to send: its CloudEvents id, the recipient (the record's key and subject), its JSON in UTF-8. */
    record Request(UUID eventId, String recipient, byte[] json, Instant occurredAt) {
    }

    /**
     * Sends {@code requests} in order and waits for Kafka's acknowledgement of all of them.
     *
     * @param afterEach told the index of each request once it is handed to the producer
     * @throws IllegalStateException when Kafka did not acknowledge them all
     */
    void publish(List<Request> requests, IntConsumer afterEach) {
        byte[] traceParent = Optional.ofNullable(TraceParents.current()).map(t -> t.getBytes(StandardCharsets.US_ASCII)).orElse(null);
        KafkaOutboxPublisher kafka = publisher();
        CompletableFuture<?>[] acknowledged = new CompletableFuture<?>[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            acknowledged[i] = kafka.publish(r.eventId(), Topics.DELIVERY_REQUESTS, r.recipient(), DeliveryRequested.TYPE,
                    r.recipient(), r.json(), r.occurredAt(), traceParent);
            afterEach.accept(i);
        }
        kafka.flush();
        try {
            CompletableFuture.allOf(acknowledged).get(ACKNOWLEDGED_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka acknowledged delivery requests", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge every delivery request of the batch", e);
        }
    }

    private synchronized KafkaOutboxPublisher publisher() {
        if (publisher == null) {
            publisher = KafkaOutboxPublisher.create(bootstrapServers, relay.source(),
                    Map.of(ProducerConfig.CLIENT_ID_CONFIG, "campaign-fan-out"));
        }
        return publisher;
    }

    @PreDestroy
    synchronized void close() {
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }
}

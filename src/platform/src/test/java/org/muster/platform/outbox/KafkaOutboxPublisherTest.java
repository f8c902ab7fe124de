package org.muster.platform.outbox;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaOutboxPublisherTest {

    private final List<MockProducer<String, byte[]>> made = new ArrayList<>();
    private final KafkaOutboxPublisher publisher = new KafkaOutboxPublisher(() -> {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        made.add(producer);
        return producer;
    }, "/muster/test");

    @Test
    void a_producer_the_broker_found_out_of_sequence_is_replaced_before_the_next_send() {
        CompletableFuture<Void> first = publisher.publish(event());
        made.get(0).errorNext(new OutOfOrderSequenceException("sequence 7, expected 5"));
        assertThat(first).isCompletedExceptionally();

        publisher.publish(event());

        assertThat(made).hasSize(2);
        assertThat(made.get(0).closed()).isTrue();
        assertThat(made.get(1).history()).hasSize(1);
    }

    @Test
    void a_producer_that_only_timed_out_is_kept() {
        CompletableFuture<Void> first = publisher.publish(event());
        made.get(0).errorNext(new TimeoutException("no answer from the broker"));
        assertThat(first).isCompletedExceptionally();

        CompletableFuture<Void> second = publisher.publish(event());
        made.get(0).completeNext();

        assertThat(made).hasSize(1);
        assertThat(second).isCompleted();
        assertThat(made.get(0).history()).hasSize(2);
    }

    private static OutboxRecord event() {
        return new OutboxRecord(1, UUID.randomUUID(), "muster.delivery.requests", "k", "t", "k", "{}", Instant.now(), null);
    }
}

package org.muster.platform.bench;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.muster.platform.fixture.FixtureEvents;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TestStack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code make bench}: how long an event takes from the commit of its transaction to a consumer,
 * through the outbox and its relay, at a steady "normal load" rate; compared in the same run with
 * a plain Kafka producer sending straight to the same broker at the same rate.
 *
 * <p>Not part of {@code make test}: figures are measured, not asserted, except that every event
 * arrives. Results go to standard output and {@code target/bench/outbox-latency.txt}.
 */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "platform"))
class OutboxLatencyBench {

    private static final int RATE_PER_SECOND = Integer.getInteger("bench.rate", 200);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final int WARM_UP_SECONDS = 3;

    @Inject
    FixtureEvents events;

    @Test
    void outbox_latency_from_commit_to_consumer() throws Exception {
        String rawTopic = "bench.raw." + UUID.randomUUID();
        // Warm both paths up first: cold JIT and fresh connections would dominate the figures.
        run(WARM_UP_SECONDS, this::viaOutbox, FixtureEvents.TOPIC);
        run(WARM_UP_SECONDS, rawSender(rawTopic), rawTopic);

        List<Long> outbox = run(SECONDS, this::viaOutbox, FixtureEvents.TOPIC);
        List<Long> raw = run(SECONDS, rawSender(rawTopic), rawTopic);

        String report = String.format("""
                        Outbox latency, commit to consumer (%d events/s for %d s, %d cores)
                          via outbox + relay : %s
                          raw Kafka producer : %s
                        """, RATE_PER_SECOND, SECONDS, Runtime.getRuntime().availableProcessors(),
                summary(outbox), summary(raw));
        System.out.println(report);
        Path out = Path.of("target", "bench", "outbox-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(outbox).hasSize(RATE_PER_SECOND * SECONDS);
    }

    /** Sends one event; returns its id and the send's start time is taken by the caller. */
    interface Sender {
        String send(String key) throws IOException;
    }

    private String viaOutbox(String key) {
        return events.record(List.of(key), 1).get(0).toString();
    }

    private Sender rawSender(String topic) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "5"),
                new StringSerializer(), new StringSerializer());
        return key -> {
            String id = UUID.randomUUID().toString();
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, "{\"sequence\":0}");
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            return id;
        };
    }

    /** Sends at the fixed rate for the given time; returns each event's latency in microseconds. */
    private List<Long> run(int seconds, Sender sender, String topic) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        createIfMissing(topic);
        int total = RATE_PER_SECOND * seconds;
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(1);
        Thread consumer = new Thread(() -> consume(topic, sentAt, latencies, total, done, ready), "bench-consumer");
        consumer.start();
        // The consumer starts at the end of the topic: send nothing before it knows where that is.
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the benchmark's consumer did not get ready");
        }
        long interval = 1_000_000_000L / RATE_PER_SECOND;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            // The clock starts just before the write: what a user waits for after pressing the button.
            long before = System.nanoTime();
            String id = sender.send(UUID.randomUUID().toString());
            sentAt.put(id, before);
        }
        consumer.join(Duration.ofSeconds(60).toMillis());
        done.set(true);
        return new ArrayList<>(latencies);
    }

    private static void consume(String topic, Map<String, Long> sentAt, List<Long> latencies, int total,
                                AtomicBoolean done, CountDownLatch ready) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer())) {
            while (consumer.partitionsFor(topic, Duration.ofSeconds(5)).isEmpty()) {
                Thread.onSpinWait();
            }
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            ready.countDown();
            while (!done.get() && latencies.size() < total) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    var header = record.headers().lastHeader("ce_id");
                    if (header == null) {
                        continue;
                    }
                    String id = new String(header.value(), StandardCharsets.UTF_8);
                    Long before = awaitSent(sentAt, id);
                    if (before != null) {
                        latencies.add((now - before) / 1_000);
                    }
                }
            }
        }
    }

    private static void createIfMissing(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestStack.kafka().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();
            }
        }
    }

    /** The sender records the id just after the send returns; the event may arrive first. */
    private static Long awaitSent(Map<String, Long> sentAt, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        Long before = sentAt.remove(id);
        while (before == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            before = sentAt.remove(id);
        }
        return before;
    }

    private static String summary(List<Long> micros) {
        if (micros.isEmpty()) {
            return "no events arrived";
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format("n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", sorted.size(),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}

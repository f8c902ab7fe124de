package org.muster.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.muster.platform.fixture.FixtureNational;
import org.muster.platform.fixture.FixtureWelfareReports;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TcpGate;
import org.muster.testing.TestStack;
import org.muster.testing.TopicReader;

import java.nio.charset.StandardCharsets;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The strategy {@code dead-letter-unless-stopping} on a real channel (FixtureWelfareReports), with
 * the connector's throttled commits: a poison event is dead-lettered and its offset committed; a
 * HELP that fails while the application stops is neither dead-lettered nor committed, even once
 * later events of its partition are applied, so the next consumer of the partition starts at it.
 *
 * <p>The application reaches PostgreSQL through a gate the test cuts, and begins to stop as a
 * ShutdownEvent would make it ({@link ApplicationStopping#begin()}), which cannot be undone: the
 * poison test runs first.
 */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = MusterStackResource.SCHEMA_ARG, value = "platform"),
        @ResourceArg(name = MusterStackResource.DATABASE_ARG, value = "gated")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsWhileStoppingTest {

    private static final String TOPIC = FixtureWelfareReports.TOPIC;
    private static final String DLQ = TOPIC + ".dlq";
    private static final int PARTITION = 0;

    @Inject
    ApplicationStopping stopping;

    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

    private boolean databaseAnswers() {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    @Test
    @Order(1)
    void a_poison_event_is_dead_lettered_and_the_partition_moves_on() {
        String key = UUID.randomUUID().toString();

        RecordMetadata poison = publish(new ProducerRecord<>(TOPIC, PARTITION, key, "{\"no\": \"headers\"}"));

        try (TopicReader dlq = new TopicReader(DLQ)) {
            dlq.awaitRecords(records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));
        }
        await("the commit passes the poison event").atMost(Duration.ofSeconds(30))
                .until(() -> committed() > poison.offset());
    }

    @Test
    @Order(2)
    void a_help_that_fails_while_the_application_stops_is_left_for_the_next_consumer() {
        UUID earlier = newNational();
        UUID needsHelp = newNational();
        UUID later = newNational();
        RecordMetadata applied = publish(report(earlier, "SAFE"));
        await("the commit reaches the HELP's offset").atMost(Duration.ofSeconds(30))
                .until(() -> committed() == applied.offset() + 1);
        double retriesBefore = retries();

        TcpGate database = TestStack.postgresGate();
        database.cut();
        RecordMetadata help;
        try {
            help = publish(report(needsHelp, "NEEDS_HELP"));
            // The consumer waits for the database, as it does while the application runs ...
            await("the consumer waits for the database").atMost(Duration.ofSeconds(60))
                    .until(() -> retries() >= retriesBefore + 1);
            // ... until the application begins to stop: the wait ends at once, the HELP unapplied.
            stopping.begin();
        } finally {
            database.restore();
        }
        // The cut reset the pool's connections: while stopping, a transaction that met one would not be
        // retried, and the event behind the HELP would be left unapplied too (as it should be). Start it
        // on a pool that works again, as after a database restart that the pool has noticed.
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
        await("the pool reaches the database again").atMost(Duration.ofSeconds(30)).until(this::databaseAnswers);
        // An event behind it on the same partition is applied and acknowledged meanwhile.
        publish(report(later, "SAFE"));
        await("the event behind the HELP is applied").atMost(Duration.ofSeconds(60))
                .until(() -> "SAFE".equals(welfareOf(later)));

        // The commit stops at the HELP for good (a commit every 0.2 s), so the partition's next
        // consumer starts there; the HELP is not in the dead-letter topic.
        await("the commit stays at the HELP").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> committed() == help.offset());
        try (TopicReader dlq = new TopicReader(DLQ)) {
            await("the HELP stays out of the dead-letter topic").during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> dlq.poll().stream().noneMatch(r -> needsHelp.toString().equals(r.key())));
        }
        assertThat(welfareOf(needsHelp)).isEqualTo("UNKNOWN");
    }

    private static ProducerRecord<String, String> report(UUID national, String welfare) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, PARTITION, national.toString(), welfare);
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                        "ce_type", "org.muster.fixture.WelfareReported.v1", "ce_source", "/muster/test",
                        "ce_time", Instant.now().toString())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static RecordMetadata publish(ProducerRecord<String, String> record) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    /** The group's committed offset on the partition, -1 if none yet. */
    private static long committed() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestStack.kafka().bootstrapServers()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(FixtureWelfareReports.GROUP)
                    .partitionsToOffsetAndMetadata().get().get(new TopicPartition(TOPIC, PARTITION));
            return offset == null ? -1 : offset.offset();
        }
    }

    private double retries() {
        Counter counter = meters.find("muster.inbox.retries").tag("consumer", FixtureWelfareReports.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private static UUID newNational() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            FixtureNational national = new FixtureNational();
            national.id = id;
            national.familyName = "Welfare-" + id;
            national.welfare = "UNKNOWN";
            national.persist();
        });
        return id;
    }

    private static String welfareOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> FixtureNational.<FixtureNational>findById(id).welfare);
    }
}

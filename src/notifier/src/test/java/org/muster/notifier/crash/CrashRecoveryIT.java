package org.muster.notifier.crash;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.muster.contracts.CloudEventHeaders;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.devstack.postgres.PostgresServer;
import org.muster.devstack.twilio.SandboxMessage;
import org.muster.devstack.twilio.TwilioSandbox;
import org.muster.testing.EventSchemas;
import org.muster.testing.ServiceProcess;
import org.muster.testing.TestStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged notifier, as a process of its own, is killed (SIGKILL) in the middle of 10,000 SMS and started
 * again. Every request must end with one delivery that was sent, every recipient's phone must have its SMS, and
 * the phones that got it twice must be no more than the deliveries that were in flight when the process died:
 * claimed (committed as IN_FLIGHT before the provider call) but with no answer recorded yet. Nothing else can be
 * sent twice, because an answer, once recorded, ends the claim, and a claim is only taken back after its lease.
 */
class CrashRecoveryIT {

    private static final int REQUESTS = 10_000;
    /** Kill once this many SMS reached the sandbox: well under way, far from done. */
    private static final int KILL_AFTER = 1_500;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String SCHEMA = "notifier";
    private static final String BODY = "Leave now. Go to the airport, gate 3.";

    private TwilioSandbox sandbox;
    private PostgresServer postgres;
    private ServiceProcess notifier;

    /**
     * The packaged notifier on this test's PostgreSQL schema, Kafka, SMTP server and a Twilio sandbox of its own;
     * SMS unthrottled; a lease of 30 s so that claims cut short by the kill come back within the test; and a Kafka
     * session of 6 s so that the restarted consumer gets the partitions without waiting 45 s for the dead one to be
     * given up.
     */
    @BeforeEach
    void stack() {
        postgres = TestStack.postgres();
        sandbox = new TwilioSandbox(TwilioSandbox.Config.builder().build()).start();
        notifier = ServiceProcess.of("notifier").twilio(sandbox)
                .env("MUSTER_NOTIFIER_RATE_SMS", "0")
                .property("muster.notifier.dispatch.lease", LEASE.toString())
                .property("mp.messaging.incoming.delivery-requests.session.timeout.ms", "6000")
                .property("mp.messaging.incoming.delivery-requests.heartbeat.interval.ms", "1000")
                .build();
    }

    @AfterEach
    void stop() {
        notifier.close();
        sandbox.close();
    }

    @Test
    void killed_in_the_middle_of_10_000_sms_it_loses_none_and_duplicates_only_what_was_in_flight()
            throws Exception {
        Instant started = Instant.now();
        notifier.start();
        Map<String, String> numberOfRequest = publishRequests(UUID.randomUUID());

        await("SMS under way").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(20))
                .until(() -> outbound().size() >= KILL_AFTER || !notifier.isAlive());
        assertThat(notifier.isAlive()).as("notifier is running; see " + notifier.log()).isTrue();
        notifier.kill();
        Instant killedAt = Instant.now();
        int sentAtKill = outbound().size();

        Map<String, Long> dispatchAtKill = countBy("dispatch");
        long inFlightAtKill = dispatchAtKill.getOrDefault("IN_FLIGHT", 0L);
        System.out.printf("%ncrash test: killed after %,d of %,d SMS reached the sandbox; deliveries by dispatch "
                + "state at the kill %s%n", sentAtKill, REQUESTS, dispatchAtKill);
        assertThat(sentAtKill).as("killed in the middle").isLessThan(REQUESTS * 3 / 4);

        notifier.start();
        // Requests are consumed a poll (up to 500) per transaction; the margin is for a machine loaded by other builds.
        await("every request accounted for").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !notifier.isAlive() || sent() == REQUESTS);
        assertThat(notifier.isAlive()).as("notifier is running; see " + notifier.log()).isTrue();

        // None lost: one delivery per request, each SENT (or already DELIVERED by its callback), none left over.
        Map<String, String> deliveries = query(
                "SELECT request_id, status || '/' || dispatch FROM delivery", rs -> rs.getString(2));
        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(numberOfRequest.keySet());
        assertThat(deliveries.values()).allMatch(state -> state.equals("SENT/DONE") || state.equals("DELIVERED/DONE"),
                "SENT or DELIVERED, and DONE");

        // Every phone got its SMS; the duplicates are bounded by what was in flight at the kill.
        Map<String, Long> received = outbound().stream()
                .collect(Collectors.groupingBy(SandboxMessage::handset, Collectors.counting()));
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(Set.copyOf(numberOfRequest.values()));
        long duplicated = received.values().stream().filter(count -> count > 1).count();
        long extraMessages = received.values().stream().mapToLong(count -> count - 1).sum();
        System.out.printf("crash test: %,d SMS for %,d requests; %d phones got theirs twice (%d extra messages); "
                        + "in flight at the kill: %d; whole test %d s%n%n",
                outbound().size(), REQUESTS, duplicated, extraMessages, inFlightAtKill,
                Duration.between(started, Instant.now()).toSeconds());
        System.out.printf("crash test: requests accepted before the kill %s; after the restart %s%n%n",
                acceptance("created_at < ?", killedAt), acceptance("created_at >= ?", killedAt));
        assertThat(received.values()).allMatch(count -> count <= 2, "at most one resend per delivery");
        assertThat(duplicated).isLessThanOrEqualTo(inFlightAtKill);
        assertThat(extraMessages).isLessThanOrEqualTo(inFlightAtKill);
    }

    /** Publishes the requests as alerts does (CloudEvents binary mode, key recipient id); returns request → number. */
    private Map<String, String> publishRequests(UUID campaign) throws Exception {
        Map<String, String> numberOfRequest = new HashMap<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>(REQUESTS);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < REQUESTS; i++) {
                UUID recipient = UUID.randomUUID();
                // Ends in 1: none of the sandbox's failing numbers (0003, 0005, 0006, 0429, 0500, 0599).
                String number = "+9374" + String.format("%07d", i * 10 + 1);
                DeliveryRequested request = new DeliveryRequested(
                        DeliveryRequested.requestIdOf(campaign, recipient, Channel.SMS), campaign, recipient,
                        Channel.SMS, number, "en", null, BODY, DeliveryPriority.LEAVE_NOW,
                        Instant.now().plus(Duration.ofHours(1)), 0, Instant.now());
                String json = EventJson.toJson(request);
                if (i % 1_000 == 0) {
                    assertThat(EventSchemas.errors(DeliveryRequested.TYPE, json)).isEmpty();
                }
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(Topics.DELIVERY_REQUESTS, request.eventKey(), json);
                header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
                header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
                header(record, CloudEventHeaders.TYPE, DeliveryRequested.TYPE);
                header(record, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_PREFIX + "alerts");
                header(record, CloudEventHeaders.SUBJECT, request.eventKey());
                header(record, CloudEventHeaders.TIME, Instant.now().toString());
                header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
                sent.add(producer.send(record));
                numberOfRequest.put(request.requestId(), number);
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get(1, TimeUnit.MINUTES);
            }
        }
        return numberOfRequest;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private List<SandboxMessage> outbound() {
        return sandbox.allMessages().stream().filter(message -> !message.inbound()).toList();
    }

    /** Deliveries that are sent, or further (their callback came), and need nothing more. */
    private long sent() throws SQLException {
        return query("SELECT 'sent', count(*) FROM delivery WHERE dispatch = 'DONE' AND status IN ('SENT', 'DELIVERED')",
                rs -> rs.getLong(2)).getOrDefault("sent", 0L);
    }

    /** How many deliveries were created (requests accepted) in how long, first to last, and the rate. */
    private String acceptance(String where, Instant killedAt) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(SCHEMA), postgres.username(),
                postgres.password());
             var statement = connection.prepareStatement("SELECT count(*), EXTRACT(EPOCH FROM max(created_at) - "
                     + "min(created_at)) FROM delivery WHERE " + where)) {
            statement.setTimestamp(1, java.sql.Timestamp.from(killedAt));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                double seconds = rs.getDouble(2);
                return String.format("%,d in %.1f s (%,.0f/s)", count, seconds, seconds > 0 ? count / seconds : 0.0);
            }
        }
    }

    private Map<String, Long> countBy(String column) throws SQLException {
        return new TreeMap<>(query("SELECT " + column + ", count(*) FROM delivery GROUP BY " + column,
                rs -> rs.getLong(2)));
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Map<String, T> query(String sql, Column<T> value) throws SQLException {
        Map<String, T> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(SCHEMA), postgres.username(),
                postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), value.read(rs));
            }
        }
        return rows;
    }
}

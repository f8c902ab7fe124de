package org.muster.alerts.it;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.muster.contracts.CloudEventHeaders;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.devstack.kafka.KafkaBroker;
import org.muster.devstack.postgres.PostgresServer;
import org.muster.testing.ServiceProcess;
import org.muster.testing.TestStack;
import org.muster.testing.TopicReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The issue's proof "fan-out killed mid-way and restarted loses and duplicates nothing", on the
 * packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a child process against
 * the real PostgreSQL and Kafka of {@link TestStack}:
 * <ol>
 *   <li>{@value #RECIPIENTS} people with an SMS number and an email address in the audience
 *       projection; a campaign on SMS then email ({@code FIRST_THAT_WORKS}): two requests each;</li>
 *   <li>launched through the REST API with a signed bearer token (the service checks it against
 *       the public key it is given, {@code quarkus.oidc.public-key}: no Keycloak to start);</li>
 *   <li>once some requests are on {@code muster.delivery.requests}, the process is killed
 *       ({@link ServiceProcess#kill()}: SIGKILL, no shutdown hook runs), mid fan-out;</li>
 *   <li>started again, it finishes the campaign.</li>
 * </ol>
 * Then every recipient and step was requested, each by exactly one delivery request event (one
 * CloudEvents id per request id: the fan-out never requested anyone twice). The fan-out publishes
 * a batch, then moves its mark: the batch being published when the process was killed goes out
 * again with the same event ids, so the duplicate records are at most one batch's requests. The
 * second test stops the Kafka broker in the middle of a fan-out instead, and starts it again.
 */
class FanOutKilledAndRestartedIT {

    private static final int RECIPIENTS = Integer.getInteger("it.recipients", 20_000);
    private static final int REQUESTS = RECIPIENTS * 2;
    /** Kill once this many requests are on Kafka: well into the first batches, far from the end. */
    private static final int KILL_AFTER = 500;
    /** Recipients per fan-out batch: smaller than production's 1000, so the kill lands between many of them. */
    private static final int BATCH = 250;
    /** The schema {@link ServiceProcess} gives the service: its name. */
    private static final String SCHEMA = "alerts";
    private static final String ISSUER = "https://muster-it.invalid/realms/muster";

    private ServiceProcess alerts;

    @AfterEach
    void stopService() {
        if (alerts != null) {
            alerts.close();
        }
    }

    /** Each test starts from an empty schema: the service's migrations make it again. */
    @BeforeEach
    void emptySchema() throws SQLException {
        try (Connection c = connect(TestStack.postgres()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void a_fan_out_killed_mid_way_and_restarted_loses_and_duplicates_nothing() throws Exception {
        PostgresServer postgres = TestStack.postgres();
        String bootstrap = TestStack.kafka().bootstrapServers();
        Launched launched = launchOnceStarted(bootstrap);
        String base = launched.base();
        String token = launched.token();
        String campaign = launched.campaign();
        try (TopicReader requests = new TopicReader(Topics.DELIVERY_REQUESTS)) {
            requests.awaitCount(KILL_AFTER, Duration.ofSeconds(90));
            alerts.kill();

            long requestedAtKill = count(postgres, REQUESTED_RECIPIENTS);
            long onKafkaAtKill = recordsOnTopic(bootstrap);
            // Requests on Kafka beyond the mark: the batch that was being published.
            long publishedUnmarked = onKafkaAtKill - requestedAtKill * 2;
            System.out.printf("killed: %d of %d recipients requested (mark), %d requests on Kafka, %d of them beyond the mark%n",
                    requestedAtKill, RECIPIENTS, onKafkaAtKill, publishedUnmarked);
            assertThat(requestedAtKill).as("killed in the middle of the fan-out").isGreaterThan(0).isLessThan(RECIPIENTS);
            assertThat(onKafkaAtKill).as("some but not all requests on Kafka").isGreaterThan(0).isLessThan(REQUESTS);

            alerts.start();
            // Completed only once Kafka acknowledged every batch.
            await("campaign completed").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                    .until(() -> count(postgres, "SELECT count(*) FROM campaign WHERE state = 'COMPLETED'") == 1);
            long published = recordsOnTopic(bootstrap);
            everyRequestOnceAndCounted(postgres, base, token, campaign,
                    requests.awaitCount((int) published, Duration.ofMinutes(2)), "the kill");
        }
    }

    /**
     * The broker stops in the middle of a fan-out and comes back (same port, same log directory):
     * the batch being sent fails or waits, the fan-out tries again, and the campaign completes with
     * every request on Kafka, each with one event id. A broker of this test's own, as the shared
     * one serves the other tests.
     */
    @Test
    void a_broker_restart_in_the_middle_of_a_fan_out_loses_nothing() throws Exception {
        PostgresServer postgres = TestStack.postgres();
        Path brokerDir = Files.createTempDirectory("muster-it-kafka");
        KafkaBroker broker = KafkaBroker.start(0, brokerDir);
        int port = broker.port();
        String bootstrap = broker.bootstrapServers();
        try {
            Launched launched = launchOnceStarted(bootstrap);
            broker.close();
            long requestedAtStop = count(postgres, REQUESTED_RECIPIENTS);
            System.out.printf("broker stopped: %d of %d recipients requested (mark)%n", requestedAtStop, RECIPIENTS);
            assertThat(requestedAtStop).as("stopped in the middle of the fan-out").isLessThan(RECIPIENTS);
            await("no progress without the broker").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> count(postgres, REQUESTED_RECIPIENTS) < RECIPIENTS);

            broker = KafkaBroker.start(port, brokerDir);
            await("campaign completed").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                    .until(() -> count(postgres, "SELECT count(*) FROM campaign WHERE state = 'COMPLETED'") == 1);
            everyRequestOnceAndCounted(postgres, launched.base(), launched.token(), launched.campaign(), readAll(bootstrap),
                    "the broker's stop");
        } finally {
            broker.close();
        }
    }

    /** Recipients whose requests the fan-out has marked as sent. */
    private static final String REQUESTED_RECIPIENTS = """
            SELECT count(*) FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id
            WHERE r.national_id <= c.fan_out_through""";

    /** The service's address, an officer's token and the campaign launched. */
    private record Launched(String base, String token, String campaign) {
    }

    /**
     * Starts the service on {@code bootstrap}, seeds the audience, launches the campaign and
     * returns once its first requests are on Kafka (the fan-out creates the topic with its first batch).
     */
    private Launched launchOnceStarted(String bootstrap) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        alerts = service(keys, bootstrap).start();
        String base = alerts.baseUri().toString();
        seedAudience(TestStack.postgres());
        String token = officerToken(keys);
        String campaign = launch(base, token);
        await("first delivery requests published").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                .ignoreExceptions().until(() -> recordsOnTopic(bootstrap) > 0);
        return new Launched(base, token, campaign);
    }

    private static ServiceProcess.Builder service(KeyPair keys, String bootstrap) {
        return ServiceProcess.of("alerts")
                // Tokens are checked against this key (signature, issuer, audience, expiry), without an OIDC server.
                .env("QUARKUS_OIDC_TENANT_ENABLED", "true")
                .env("QUARKUS_OIDC_PUBLIC_KEY", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()))
                .env("QUARKUS_OIDC_TOKEN_ISSUER", ISSUER)
                .env("MUSTER_ALERTS_FAN_OUT_BATCH_SIZE", String.valueOf(BATCH))
                .env("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    }

    /** Builds and launches the campaign to everyone in AF-KDZ through the API; its id. */
    private static String launch(String base, String token) {
        String campaign = given().baseUri(base).auth().oauth2(token).contentType(ContentType.JSON).body(Map.of(
                        "name", "Leave Kunduz now",
                        "audience", Map.of("regions", List.of("AF-KDZ")),
                        "channels", List.of("SMS", "EMAIL"),
                        "channelMode", "FIRST_THAT_WORKS",
                        "priority", "ROUTINE",
                        "assemblyPoint", "Kunduz airfield, north gate",
                        "replyInstructions", "Reply SAFE or HELP.",
                        "templates", Map.of("en", Map.of("subject", "Leave Kunduz now",
                                "body", "{name}: leave {regionName} now. Go to {assemblyPoint}. {replyInstructions}"))))
                .post("/campaigns").then().statusCode(201).extract().path("id");
        given().baseUri(base).auth().oauth2(token).post("/campaigns/" + campaign + "/launch").then().statusCode(200);
        return campaign;
    }

    /**
     * Every recipient and step has a request among {@code records}, each request one event id; the
     * records published twice are at most the batch being sent at {@code incident}; the counts and
     * the progress API add up.
     */
    private static void everyRequestOnceAndCounted(PostgresServer postgres, String base, String token, String campaign,
                                                   List<ConsumerRecord<String, String>> records, String incident)
            throws Exception {
        Map<String, Set<String>> eventIdsByRequest = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            DeliveryRequested request = EventJson.mapper().readValue(r.value(), DeliveryRequested.class);
            assertThat(request.campaignId()).hasToString(campaign);
            eventIdsByRequest.computeIfAbsent(request.requestId(), k -> new HashSet<>())
                    .add(TopicReader.header(r, CloudEventHeaders.ID));
        }
        Set<String> expected = expectedRequestIds(postgres, campaign);
        assertThat(expected).hasSize(REQUESTS);
        assertThat(eventIdsByRequest.keySet()).as("every recipient and step requested").isEqualTo(expected);
        List<String> requestedTwice = eventIdsByRequest.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList();
        assertThat(requestedTwice).as("requests the fan-out made twice (two event ids)").isEmpty();
        long duplicates = records.size() - eventIdsByRequest.size();
        System.out.printf("after %s: %d records for %d requests: %d published again (bound: one batch, %d)%n",
                incident, records.size(), eventIdsByRequest.size(), duplicates, BATCH * 2);
        // At most the batch being sent at the incident. (Not compared with the count beyond the mark at a
        // kill: a commit already sent when the process died may still land after the mark was read.)
        assertThat(duplicates).as("records published again (same event id)").isLessThanOrEqualTo(BATCH * 2);

        assertThat(count(postgres, """
                SELECT count(*) FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id
                WHERE r.national_id > c.fan_out_through""")).isZero();
        // The counts moved in the batches' transactions: a batch that failed part-way added nothing.
        assertThat(count(postgres, "SELECT sum(requested) FROM campaign_requested")).isEqualTo(REQUESTS);
        assertThat(count(postgres, "SELECT count(*) FROM campaign_delivery")).as("rows come with statuses").isZero();
        given().baseUri(base).auth().oauth2(token).get("/campaigns/" + campaign + "/progress").then().statusCode(200)
                .body("requestedRecipients", org.hamcrest.Matchers.equalTo(RECIPIENTS))
                .body("rows.requested.sum()", org.hamcrest.Matchers.equalTo(REQUESTS))
                .body("unreached.size()", org.hamcrest.Matchers.equalTo(0));
    }

    /** Every record on the requests topic of {@code bootstrap}, from the start to its end now. */
    private static List<ConsumerRecord<String, String>> readAll(String bootstrap) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DELIVERY_REQUESTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** What the launch resolved: each recipient on SMS (step 0) and email (step 1). */
    private static Set<String> expectedRequestIds(PostgresServer postgres, String campaign) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = connect(postgres); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT national_id FROM campaign_recipient")) {
            while (rs.next()) {
                UUID person = rs.getObject(1, UUID.class);
                for (var channel : List.of(org.muster.contracts.common.Channel.SMS, org.muster.contracts.common.Channel.EMAIL)) {
                    ids.add(DeliveryRequested.requestIdOf(UUID.fromString(campaign), person, channel));
                }
            }
        }
        return ids;
    }

    private static void seedAudience(PostgresServer postgres) throws SQLException {
        try (Connection c = connect(postgres); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO audience_member (national_id, household_id, nationality, preferred_language, country, region,
                    vulnerabilities, welfare_status, evacuation_status, display_name, contacts, version, projected_at)
                SELECT gen_random_uuid(), gen_random_uuid(), 'FR', 'en', 'AF', 'AF-KDZ', '{}', 'UNKNOWN', 'NOT_REQUESTED',
                    'Person ' || i,
                    jsonb_build_array(
                        jsonb_build_object('channel', 'SMS', 'address', '+9379' || lpad(i::text, 7, '0'),
                            'verified', true, 'optedOut', false, 'preference', 1),
                        jsonb_build_object('channel', 'EMAIL', 'address', 'person' || i || '@example.org',
                            'verified', true, 'optedOut', false, 'preference', 2)),
                    1, now()
                FROM generate_series(1, ?) AS i""")) {
            insert.setInt(1, RECIPIENTS);
            insert.executeUpdate();
        }
    }

    /** A bearer token as Keycloak's realm muster issues it to an officer, signed with the test's key. */
    private static String officerToken(KeyPair keys) throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("preferred_username", "officer-kill-it");
        claims.put("aud", "muster-services");
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("realm_access", Map.of("roles", List.of("consular-officer", "consular-viewer")));
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(EventJson.mapper().writeValueAsBytes(claims));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.getPrivate());
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + url.encodeToString(rs256.sign());
    }

    /** Records on the topic now: the sum of its partitions' end offsets (nothing else writes to it here). */
    private static long recordsOnTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var partitions = admin.describeTopics(List.of(Topics.DELIVERY_REQUESTS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.DELIVERY_REQUESTS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.DELIVERY_REQUESTS, p.partition()))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    private static long count(PostgresServer postgres, String sql) throws SQLException {
        try (Connection c = connect(postgres); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(PostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(SCHEMA), postgres.username(), postgres.password());
    }
}

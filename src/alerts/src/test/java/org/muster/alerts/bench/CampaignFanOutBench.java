package org.muster.alerts.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.muster.contracts.Topics;
import org.muster.testing.CpuTime;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TestStack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code make bench}: a campaign to {@value #RECIPIENTS} recipients on one channel, from the launch
 * request to the last delivery request on Kafka (the broker's timestamp of the last record), through
 * the real path: recipients resolved from the projection, batches rendered with Qute into the
 * outbox, the outbox relay publishing. Reference in the same run: a raw Kafka producer (acks=all,
 * idempotent, as the relay's) sending the same number of records of the same key, header and
 * value sizes. Two campaigns of that size, one after the other: the service's first (its code
 * still being compiled) and its second. Besides elapsed times, the CPU time this JVM and
 * PostgreSQL used per 1,000 requests: unlike elapsed time, it hardly changes with what else the
 * machine runs. Figures go to standard output and {@code target/bench/campaign-fan-out.txt};
 * only that every recipient got exactly one request is asserted.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "alerts"))
class CampaignFanOutBench {

    private static final int RECIPIENTS = Integer.getInteger("bench.recipients", 100_000);

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "officer-bench", roles = {"consular-officer", "consular-viewer"})
    void campaign_to_100000_recipients() throws Exception {
        // The service's first campaign pays for compiling its code (the JIT took seconds of CPU during
        // a 100,000-recipient run that followed only a 10,000 one). Then five rounds of a campaign
        // and the raw producer, one after the other: this machine's speed changes by half and more
        // within a minute (the same work's CPU time with it), so the report gives each round and the
        // median ratio.
        seedAudience("AF-KAB", RECIPIENTS);
        Run first = campaign("AF-KAB", RECIPIENTS);
        // -Dbench.jfr=<file>: a JFR profile of the first round's campaign, for finding where its CPU goes.
        String jfr = System.getProperty("bench.jfr");
        List<Round> rounds = new ArrayList<>();
        for (String region : List.of("AF-PAR", "AF-BAL", "AF-HER", "AF-KDZ", "AF-NAN")) {
            seedAudience(region, RECIPIENTS);
            jdk.jfr.Recording recording = jfr == null || !rounds.isEmpty() ? null
                    : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.start();
            }
            Run run = campaign(region, RECIPIENTS);
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(jfr));
                recording.close();
            }
            Cpu rawBefore = Cpu.now();
            double rawSeconds = rawProducer(run.valueSize(), run.keySize(), run.headers());
            rounds.add(new Round(run, rawSeconds, Cpu.now().minus(rawBefore)));
        }
        Run sample = rounds.get(0).campaign();
        StringBuilder report = new StringBuilder(String.format(
                "campaign fan-out bench (%d recipients, 1 channel, batch %d; records: key %d B, value %d B, %d headers)%n",
                RECIPIENTS, org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue("muster.alerts.fan-out.batch-size", Integer.class),
                sample.keySize(), sample.valueSize(), sample.headers().size()));
        report.append(describe("the service's first campaign (against round 1's raw producer)", first, rounds.get(0).rawSeconds()));
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            report.append(describe("round " + (i + 1) + ", campaign", round.campaign(), round.rawSeconds()));
            report.append(String.format("""
                              round %d, raw Kafka producer, same count and sizes: %.1f s (%.0f records/s)
                                CPU per 1,000 records: this JVM (producer, broker) %.0f ms
                                  the JVM's busiest threads: %s
                            """, i + 1, round.rawSeconds(), RECIPIENTS / round.rawSeconds(),
                    round.rawCpu().jvmMillis() * 1000.0 / RECIPIENTS, perThousand(round.rawCpu().busiest())));
        }
        double[] ratios = rounds.stream().mapToDouble(r -> r.rawSeconds() / r.campaign().seconds()).sorted().toArray();
        report.append(String.format("median ratio of the %d rounds: %.2f (%.2f to %.2f)%n", ratios.length,
                ratios[ratios.length / 2], ratios[0], ratios[ratios.length - 1]));
        System.out.println(report);
        Path out = Path.of("target/bench/campaign-fan-out.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** A warm campaign and the raw producer right after it. */
    private record Round(Run campaign, double rawSeconds, Cpu rawCpu) {
    }

    private static String describe(String title, Run run, double rawSeconds) {
        return String.format("""
                          %s:
                            launch -> last delivery request on Kafka: %.1f s (%.0f requests/s); launch answered at %.1f s
                            ratio (campaign throughput / raw producer throughput): %.2f
                            CPU per 1,000 requests: this JVM (service, broker) %.0f ms, PostgreSQL %.0f ms
                              of the JVM's, the fan-out preparing batches %.0f ms, sending and marking them %.0f ms
                              the JVM's busiest threads: %s
                        """, title, run.seconds(), RECIPIENTS / run.seconds(), run.launchSeconds(), rawSeconds / run.seconds(),
                run.cpu().jvmMillis() * 1000.0 / RECIPIENTS, run.cpu().postgresMillis() * 1000.0 / RECIPIENTS,
                run.cpu().preparingMillis() * 1000.0 / RECIPIENTS, run.cpu().sendingMillis() * 1000.0 / RECIPIENTS,
                perThousand(run.cpu().busiest()));
    }

    private static String perThousand(Map<String, Long> millis) {
        StringBuilder out = new StringBuilder();
        millis.forEach((thread, ms) -> out.append(out.isEmpty() ? "" : ", ")
                .append(String.format("%s %.0f ms", thread, ms * 1000.0 / RECIPIENTS)));
        return out.toString();
    }

    /** One campaign's figures: launch to last request on Kafka, to the launch's answer, record sizes, CPU used. */
    private record Run(double seconds, double launchSeconds, int keySize, int valueSize, List<Header> headers, Cpu cpu) {
    }

    /** Creates and launches a campaign to everyone in {@code region}, and reads its requests off the topic. */
    private Run campaign(String region, int recipients) {
        String campaign = given().contentType(ContentType.JSON).body(Map.of(
                        "name", "Bench: leave " + region,
                        "audience", Map.of("regions", List.of(region)),
                        "channels", List.of("SMS"),
                        "channelMode", "ALL",
                        "priority", "ROUTINE",
                        "assemblyPoint", "Abbey Gate, Hamid Karzai International Airport",
                        "replyInstructions", "Reply SAFE or HELP.",
                        "templates", Map.of("en", Map.of("body",
                                "{name}: leave {regionName} now by any available means. Go to {assemblyPoint}. {replyInstructions}"))))
                .post("/campaigns").then().statusCode(201).extract().path("id");

        try (KafkaConsumer<String, String> consumer = consumer()) {
            // Where this campaign's records will start, when an earlier campaign made the topic.
            Map<TopicPartition, Long> from = consumer.partitionsFor(Topics.DELIVERY_REQUESTS).isEmpty() ? Map.of()
                    : consumer.endOffsets(consumer.partitionsFor(Topics.DELIVERY_REQUESTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
            Cpu before = Cpu.now();
            long launched = System.currentTimeMillis();
            given().post("/campaigns/" + campaign + "/launch").then().statusCode(200);
            long answered = System.currentTimeMillis();
            // Nothing reads the topic meanwhile, as nothing does in the reference: done is fanned out
            // and every outbox event acknowledged by Kafka; the records are read afterwards.
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                            SELECT (SELECT count(*) FROM campaign WHERE id = ?1 AND state = 'COMPLETED')
                                 * (1 - sign((SELECT coalesce(sum(events), 0) FROM outbox WHERE sent_at IS NULL)))""")
                            .setParameter(1, UUID.fromString(campaign)).getSingleResult()).intValue() == 1));
            Cpu used = Cpu.now().minus(before);
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DELIVERY_REQUESTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            from.forEach(consumer::seek);
            int seen = 0;
            long lastTimestamp = 0;
            long valueBytes = 0;
            long keyBytes = 0;
            List<Header> sampleHeaders = null;
            java.util.Set<String> keys = new java.util.HashSet<>();
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(2).toMillis();
            while (seen < recipients && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null || !r.value().contains(campaign)) {
                        continue;
                    }
                    seen++;
                    keys.add(r.key());
                    lastTimestamp = Math.max(lastTimestamp, r.timestamp());
                    valueBytes += r.value().getBytes(StandardCharsets.UTF_8).length;
                    keyBytes += r.key().length();
                    if (sampleHeaders == null) {
                        sampleHeaders = List.of(r.headers().toArray());
                    }
                }
            }
            assertThat(seen).isEqualTo(recipients);
            assertThat(keys).hasSize(recipients);
            return new Run((lastTimestamp - launched) / 1000.0, (answered - launched) / 1000.0,
                    (int) (keyBytes / seen), (int) (valueBytes / seen), sampleHeaders, used);
        }
    }

    /**
     * CPU time of this JVM and of PostgreSQL ({@link CpuTime}), and of the fan-out's two threads: the
     * one preparing batches (reading, rendering, serialising) and the one sending them to Kafka and
     * marking them.
     */
    private record Cpu(CpuTime time) {
        static Cpu now() {
            return new Cpu(CpuTime.now());
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(time.minus(earlier.time));
        }

        long jvmMillis() {
            return time.jvmMillis();
        }

        long postgresMillis() {
            return time.postgresMillis();
        }

        long preparingMillis() {
            return time.of("campaign-fan-out-ahead");
        }

        long sendingMillis() {
            return time.of("campaign-fan-out");
        }

        Map<String, Long> busiest() {
            return time.top(6);
        }
    }

    private void seedAudience(String region, int people) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO audience_member (national_id, household_id, nationality, preferred_language, country, region,
                            vulnerabilities, welfare_status, evacuation_status, display_name, contacts, version, projected_at)
                        SELECT gen_random_uuid(), gen_random_uuid(), 'FR', 'en', 'AF', ?2, '{}', 'UNKNOWN', 'NOT_REQUESTED',
                            'Bench Person ' || i,
                            jsonb_build_array(jsonb_build_object('channel', 'SMS', 'address', '+9370' || lpad(i::text, 7, '0'),
                                'verified', true, 'optedOut', false, 'preference', 1)),
                            1, now()
                        FROM generate_series(1, ?1) AS i""").setParameter(1, people).setParameter(2, region).executeUpdate());
    }

    /** Seconds for a raw producer to have every record acknowledged. */
    private static double rawProducer(int valueSize, int keySize, List<Header> headers) throws Exception {
        String topic = "alerts.bench.raw." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestStack.kafka().bootstrapServers()))) {
            int partitions;
            try (KafkaConsumer<String, String> c = consumer()) {
                partitions = c.partitionsFor(Topics.DELIVERY_REQUESTS).size();
            }
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        String value = "v".repeat(valueSize);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            String key = UUID.randomUUID().toString();
            keys.add(key.length() >= keySize ? key.substring(0, keySize) : key);
        }
        CountDownLatch acked = new CountDownLatch(RECIPIENTS);
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String key : keys) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
                headers.forEach(h -> record.headers().add(h.key(), h.value()));
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                    acked.countDown();
                });
            }
            acked.await(5, TimeUnit.MINUTES);
        }
        // A send that failed (its delivery timeout ran out) would count as a fast one: no figure then.
        assertThat(failed.get()).as("raw producer sends that failed").isZero();
        return (System.nanoTime() - start) / 1e9;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}

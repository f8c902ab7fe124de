package org.muster.notifier.sending;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.devstack.twilio.SandboxMessage;
import org.muster.notifier.Lookups;
import org.muster.notifier.NotifierStack;
import org.muster.notifier.Requests;
import org.muster.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dispatch order by priority, the shared rate limit, the metrics, and requests that can never be sent. */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
class PriorityAndRateTest {

    @Inject
    Dispatcher dispatcher;

    @Inject
    RateLimits rateLimits;

    @Inject
    Lookups lookups;

    @AfterEach
    void unlimited() {
        rateLimits.setRate(Channel.SMS, 0);
        dispatcher.resume();
    }

    @Test
    void leave_now_goes_first_and_the_rate_is_kept() {
        rateLimits.setRate(Channel.SMS, 10);
        dispatcher.pause();
        UUID routine = UUID.randomUUID();
        UUID leaveNow = UUID.randomUUID();
        List<DeliveryRequested> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(withPriority(Requests.request(routine, UUID.randomUUID(), Channel.SMS,
                    "+9370050" + (1000 + i) + "1", "en", "routine", 0), DeliveryPriority.ROUTINE));
        }
        for (int i = 0; i < 10; i++) {
            requests.add(withPriority(Requests.request(leaveNow, UUID.randomUUID(), Channel.SMS,
                    "+9370051" + (1000 + i) + "1", "en", "leave now", 0), DeliveryPriority.LEAVE_NOW));
        }
        requests.forEach(Requests::publish);
        await().atMost(Duration.ofSeconds(30)).until(() -> requests.stream()
                .allMatch(r -> lookups.delivery(r.requestId()) != null));

        dispatcher.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> requests.stream()
                .allMatch(r -> lookups.delivery(r.requestId()).status != DeliveryStatus.QUEUED));

        List<SandboxMessage> sent = NotifierStack.twilio().allMessages().stream()
                .filter(m -> m.body().equals("routine") || m.body().equals("leave now"))
                .sorted(java.util.Comparator.comparing(SandboxMessage::dateCreated)).toList();
        assertThat(sent).hasSize(20);
        // First means claimed first: a provider call claimed earlier may still reach the sandbox later when
        // the machine is loaded, so the sandbox's arrival order does not say which went first.
        Instant lastLeaveNowClaim = requests.subList(10, 20).stream()
                .map(r -> lookups.delivery(r.requestId()).claimedAt).max(Instant::compareTo).orElseThrow();
        Instant firstRoutineClaim = requests.subList(0, 10).stream()
                .map(r -> lookups.delivery(r.requestId()).claimedAt).min(Instant::compareTo).orElseThrow();
        assertThat(lastLeaveNowClaim).as("every leave-now claimed no later than the first routine")
                .isBeforeOrEqualTo(firstRoutineClaim);
        // 20 messages at 10 per second, at most half a second of them saved up: never faster than 1.5 s.
        Duration span = Duration.between(sent.get(0).dateCreated(), sent.get(19).dateCreated());
        assertThat(span).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    }

    @Test
    void two_replicas_drawing_from_one_bucket_together_keep_the_rate() throws Exception {
        rateLimits.setRate(Channel.SMS, 200);
        String account = "twilio:shared-test-" + UUID.randomUUID();
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        Instant start = Instant.now();
        Callable<Integer> replica = () -> {
            int taken = 0;
            while (Duration.between(start, Instant.now()).toMillis() < 2_000) {
                taken += rateLimits.acquire(account, Channel.SMS, 50);
            }
            return taken;
        };
        Future<Integer> first = replicas.submit(replica);
        Future<Integer> second = replicas.submit(replica);
        int total = first.get() + second.get();
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        replicas.shutdown();

        assertThat(first.get()).isPositive();
        assertThat(second.get()).isPositive();
        // Never more than the rate over the time plus one bucket (0.5 s); close to it since both kept asking.
        assertThat(total).isLessThanOrEqualTo((int) Math.ceil(200 * seconds + 100));
        assertThat(total).isGreaterThan((int) (200 * 2.0 * 0.9));
    }

    @Test
    void queue_depth_and_send_rate_are_metrics() {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("muster_notifier_queue_depth{channel=\"SMS\"")
                .contains("muster_notifier_send_rate");
    }

    @Test
    void a_request_that_can_never_be_sent_goes_to_the_dead_letter_topic_and_the_rest_of_its_poll_is_accepted() {
        DeliveryRequested before = Requests.sms("+93700600011", "x");
        // Passes the schema, but its key names another recipient.
        DeliveryRequested wrongKey = new DeliveryRequested(
                DeliveryRequested.requestIdOf(before.campaignId(), UUID.randomUUID(), Channel.SMS),
                before.campaignId(), UUID.randomUUID(), Channel.SMS, "+93700600021", "en", null, "x",
                before.priority(), before.validUntil(), 0, before.occurredAt());
        DeliveryRequested after = Requests.sms("+93700600031", "x");
        Requests.publishTogether(List.of(before, wrongKey, after));
        // The dead-letter topic exists once something went there; the reader waits for it, then reads it all.
        try (TopicReader dlq = new TopicReader(Topics.deadLetter(Topics.DELIVERY_REQUESTS))) {
            dlq.awaitRecords(records -> records.stream().anyMatch(r -> r.value() != null
                    && r.value().contains(wrongKey.requestId())
                    && String.valueOf(TopicReader.header(r, "dead-letter-reason")).contains("requestId")),
                    Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(before.requestId()) != null
                && lookups.delivery(after.requestId()) != null);
        assertThat(lookups.delivery(wrongKey.requestId())).isNull();
    }

    private static DeliveryRequested withPriority(DeliveryRequested r, DeliveryPriority priority) {
        return new DeliveryRequested(r.requestId(), r.campaignId(), r.recipientId(), r.channel(), r.address(),
                r.language(), r.subject(), r.body(), priority, r.validUntil(), r.fallbackStep(), r.occurredAt());
    }
}

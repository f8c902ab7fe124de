package org.muster.notifier.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.contracts.CloudEventHeaders;
import org.muster.contracts.EventJson;
import org.muster.contracts.EventPayload;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.CampaignStateChanged;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.notifier.DeliveryStatusChanged;
import org.muster.notifier.Lookups;
import org.muster.notifier.NotifierStack;
import org.muster.notifier.Requests;
import org.muster.notifier.sending.Dispatcher;
import org.muster.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An officer's pause, resumption and cancellation reach the messages notifier has not handed to the provider yet:
 * a campaign is fanned out in seconds, then waits here for the provider's rate. Polls are handed to the consumer
 * as Kafka would, with the dispatcher stopped while the test sets the scene, so that nothing is sent early.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
class CampaignControlTest {

    @Inject
    DeliveryRequests consumer;

    @Inject
    Lookups lookups;

    @Inject
    Dispatcher dispatcher;

    private long offset = 2_000_000_000L + (System.nanoTime() & 0xffffff) * 100;

    @AfterEach
    void send() {
        dispatcher.resume();
    }

    @Test
    void a_paused_campaign_s_messages_wait_and_go_once_it_is_resumed() {
        UUID campaign = UUID.randomUUID();
        List<DeliveryRequested> requests = IntStream.range(0, 3)
                .mapToObj(i -> Requests.request(campaign, UUID.randomUUID(), Channel.SMS, "+9370081000" + i, "en",
                        "Leave now.", 0))
                .toList();
        Instant pausedAt = Instant.now();
        dispatcher.pause();
        poll(List.of(requests.get(0), requests.get(1)));
        poll(List.of(change(campaign, CampaignStateChanged.State.PAUSED, pausedAt)));
        // A request the fan-out had sent before the pause, arriving after it.
        poll(List.of(requests.get(2)));

        assertThat(requests).allSatisfy(r -> assertThat(lookups.delivery(r.requestId()).dispatch).isEqualTo(Dispatch.PAUSED));
        dispatcher.resume();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> requests.stream().allMatch(r -> NotifierStack.twilio().messagesTo(r.address()).isEmpty()));

        // A pause older than the resumption, arriving late, holds nothing.
        poll(List.of(change(campaign, CampaignStateChanged.State.RUNNING, pausedAt.plusSeconds(2)),
                change(campaign, CampaignStateChanged.State.PAUSED, pausedAt.plusSeconds(1))));

        for (DeliveryRequested r : requests) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(r.requestId()).status == DeliveryStatus.DELIVERED);
            assertThat(NotifierStack.twilio().messagesTo(r.address())).hasSize(1);
        }
    }

    @Test
    void a_cancelled_campaign_s_messages_not_yet_sent_are_cancelled_each_with_its_event() {
        UUID campaign = UUID.randomUUID();
        UUID planned = UUID.randomUUID();
        DeliveryRequested sms = Requests.request(campaign, planned, Channel.SMS, "+93700820001", "en", "Leave now.", 0);
        DeliveryRequested email = Requests.request(campaign, planned, Channel.EMAIL, "cancelled-" + planned + "@example.org",
                "en", "Leave now.", 1);
        DeliveryRequested other = Requests.request(campaign, UUID.randomUUID(), Channel.SMS, "+93700820002", "en",
                "Leave now.", 0);
        DeliveryRequested late = Requests.request(campaign, UUID.randomUUID(), Channel.SMS, "+93700820003", "en",
                "Leave now.", 0);
        dispatcher.pause();
        poll(List.of(sms, email, other));
        assertThat(lookups.delivery(email.requestId()).dispatch).isEqualTo(Dispatch.WAITING);

        CampaignStateChanged cancelled = change(campaign, CampaignStateChanged.State.CANCELLED, Instant.now());
        ConsumerRecord<String, String> cancellation = record(cancelled, UUID.randomUUID().toString());
        pollRecords(List.of(cancellation));
        poll(List.of(late));
        // Kafka delivers the cancellation again: nothing more happens.
        pollRecords(List.of(record(cancelled, TopicReader.header(cancellation, CloudEventHeaders.ID))));

        List<DeliveryRequested> all = List.of(sms, email, other, late);
        for (DeliveryRequested r : all) {
            Delivery d = lookups.delivery(r.requestId());
            assertThat(d.status).as(r.requestId()).isEqualTo(DeliveryStatus.CANCELLED);
            assertThat(d.dispatch).isEqualTo(Dispatch.DONE);
            assertThat(lookups.history(d.id)).extracting(h -> h.detail).contains("the campaign was cancelled");
        }
        dispatcher.resume();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> all.stream().allMatch(r -> NotifierStack.twilio().messagesTo(r.address()).isEmpty()));

        // alerts' progress and registry learn of each, once.
        try (TopicReader events = new TopicReader(Topics.DELIVERY_EVENTS)) {
            List<String> requestIds = all.stream().map(DeliveryRequested::requestId).toList();
            List<DeliveryStatusChanged> cancellations = cancelledOf(events.awaitRecords(
                    records -> cancelledOf(records, requestIds).size() >= 4, Duration.ofSeconds(30)), requestIds);
            assertThat(cancellations).extracting(DeliveryStatusChanged::requestId)
                    .containsExactlyInAnyOrderElementsOf(requestIds);
        }
    }

    private static List<DeliveryStatusChanged> cancelledOf(List<ConsumerRecord<String, String>> records, List<String> requestIds) {
        return records.stream()
                .filter(r -> DeliveryStatusChanged.TYPE.equals(TopicReader.header(r, CloudEventHeaders.TYPE)))
                .map(r -> EventJson.fromJson(r.value(), DeliveryStatusChanged.class))
                .filter(e -> e.status() == DeliveryStatus.CANCELLED && requestIds.contains(e.requestId()))
                .toList();
    }

    private static CampaignStateChanged change(UUID campaign, CampaignStateChanged.State state, Instant at) {
        return new CampaignStateChanged(campaign, state, "officer-ana", at);
    }

    /** One poll, as the connector hands it over: returns once it is applied. */
    private void poll(List<? extends EventPayload> events) {
        pollRecords(events.stream().map(e -> record(e, UUID.randomUUID().toString())).toList());
    }

    private void pollRecords(List<ConsumerRecord<String, String>> records) {
        consumer.on(new ConsumerRecords<>(Map.of(new TopicPartition(Topics.DELIVERY_REQUESTS, 0), records), Map.of()));
    }

    private ConsumerRecord<String, String> record(EventPayload event, String eventId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.DELIVERY_REQUESTS, 0, offset++,
                event.eventKey(), EventJson.toJson(event));
        Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                        CloudEventHeaders.ID, eventId,
                        CloudEventHeaders.TYPE, event.eventType(),
                        CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_PREFIX + "alerts")
                .forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}

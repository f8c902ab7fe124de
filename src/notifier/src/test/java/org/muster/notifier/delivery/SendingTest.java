package org.muster.notifier.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.notifier.DeliveryStatusChanged;
import org.muster.devstack.twilio.SandboxCall;
import org.muster.devstack.twilio.SandboxMessage;
import org.muster.notifier.Lookups;
import org.muster.notifier.NotifierStack;
import org.muster.notifier.Requests;
import org.muster.testing.TestStack;
import org.muster.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.muster.notifier.Requests.request;

/** Each channel, end to end: a request on Kafka, the message in the Twilio sandbox or the SMTP server, the events. */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
class SendingTest {

    @Inject
    Lookups lookups;

    private static TopicReader events;

    @BeforeAll
    static void read() {
        events = new TopicReader(Topics.DELIVERY_EVENTS);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void an_sms_request_delivered_twice_and_published_twice_is_sent_once() {
        DeliveryRequested request = Requests.sms("+93700101011", "Leave Kabul now. Go to the airport, gate 3.");
        Requests.publish(request, "event-1-" + request.recipientId());
        Requests.publish(request, "event-1-" + request.recipientId()); // Kafka redelivery
        Requests.publish(request); // alerts published the same request again

        List<DeliveryStatusChanged> statuses = Requests.statuses(events, request.recipientId(),
                s -> s.stream().anyMatch(e -> e.status() == DeliveryStatus.DELIVERED));

        assertThat(statuses).extracting(DeliveryStatusChanged::status)
                .containsExactly(DeliveryStatus.QUEUED, DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        List<SandboxMessage> received = NotifierStack.twilio().messagesTo("+93700101011");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).body()).isEqualTo(request.body());
        assertThat(statuses.get(1).providerId()).isEqualTo(received.get(0).sid());
        assertThat(lookups.deliveries(request.requestId())).isEqualTo(1);
        // Everything was seen three times; let the duplicates settle, then count again.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> NotifierStack.twilio().messagesTo("+93700101011").size() == 1);
    }

    @Test
    void the_provider_call_and_every_status_continue_the_trace_the_request_came_with() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String fanOutSpan = "b7ad6b7169203331";
        String requestTrace = "00-" + traceId + "-" + fanOutSpan + "-01";
        DeliveryRequested request = Requests.sms("+93700101019", "Leave now.");
        Requests.publishTogether(List.of(request), requestTrace);

        SandboxMessage sent = await().atMost(Duration.ofSeconds(30))
                .until(() -> NotifierStack.twilio().messagesTo("+93700101019"), list -> !list.isEmpty()).get(0);
        assertThat(sent.traceParent()).as("the Twilio request's traceparent").isNotNull();
        String[] parent = sent.traceParent().split("-");
        assertThat(parent[1]).as("the request's trace").isEqualTo(traceId);
        assertThat(parent[2]).as("notifier's send span, under the fan-out's").isNotEqualTo(fanOutSpan).hasSize(16);

        // Queued on intake, sent by the answer writer, delivered by the callback writer: each status goes back to
        // alerts and registry in the request's trace, although only the send had a span of it.
        String recipient = request.recipientId().toString();
        List<ConsumerRecord<String, String>> statuses = events.awaitRecords(records -> records.stream()
                .filter(r -> recipient.equals(r.key()))
                .anyMatch(r -> EventJson.fromJson(r.value(), DeliveryStatusChanged.class).status()
                        == DeliveryStatus.DELIVERED), Duration.ofSeconds(30)).stream()
                .filter(r -> recipient.equals(r.key())).toList();
        assertThat(statuses).extracting(r -> EventJson.fromJson(r.value(), DeliveryStatusChanged.class).status())
                .containsExactly(DeliveryStatus.QUEUED, DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        assertThat(statuses).extracting(r -> TopicReader.header(r, "traceparent")).containsOnly(requestTrace);
    }

    @Test
    void sms_encoding_and_segments_are_recorded() {
        DeliveryRequested latin = Requests.sms("+93700101012", "A".repeat(161));
        DeliveryRequested dari = Requests.sms("+93700101013", "فوراً کابل را ترک کنید. به میدان هوایی بروید.");
        Requests.publish(latin);
        Requests.publish(dari);

        awaitStatus(latin.requestId(), DeliveryStatus.DELIVERED);
        awaitStatus(dari.requestId(), DeliveryStatus.DELIVERED);
        // The delivery callback may be written before the provider's answer, which carries the encoding.
        Delivery gsm = await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(latin.requestId()),
                d -> d.encoding != null);
        Delivery ucs = await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(dari.requestId()),
                d -> d.encoding != null);

        assertThat(gsm.encoding).isEqualTo("GSM-7");
        assertThat(gsm.segments).isEqualTo(2);
        assertThat(ucs.encoding).isEqualTo("UCS-2");
        assertThat(ucs.segments).isEqualTo(1);
        // The sandbox counts as Twilio does: the same figures.
        assertThat(NotifierStack.twilio().messagesTo("+93700101012").get(0).numSegments()).isEqualTo(2);
    }

    @Test
    void whatsapp_goes_to_the_whatsapp_address() {
        DeliveryRequested request = request(UUID.randomUUID(), UUID.randomUUID(), Channel.WHATSAPP, "+93700101014",
                "en", "Leave now.", 0);
        Requests.publish(request);

        awaitStatus(request.requestId(), DeliveryStatus.DELIVERED);

        SandboxMessage message = NotifierStack.twilio().messagesTo("+93700101014").get(0);
        assertThat(message.to()).isEqualTo("whatsapp:+93700101014");
        assertThat(message.from()).isEqualTo("whatsapp:" + NotifierStack.SENDER);
    }

    @Test
    void a_call_says_the_message_twice_in_french_and_asks_for_a_digit() {
        DeliveryRequested request = request(UUID.randomUUID(), UUID.randomUUID(), Channel.VOICE, "+93700101015",
                "fr", "Quittez Kaboul maintenant.", 0);
        Requests.publish(request);

        Delivery delivery = awaitStatus(request.requestId(), DeliveryStatus.DELIVERED);

        SandboxCall call = NotifierStack.twilio().callsTo("+93700101015").get(0);
        assertThat(call.sid()).isEqualTo(delivery.providerId);
        assertThat(call.twiml()).contains("numDigits=\"1\"")
                .contains("/twilio/calls/" + delivery.id + "/gather")
                .contains("language=\"fr-FR\"")
                .contains("Appuyez sur 1");
        assertThat(call.twiml().split("Quittez Kaboul maintenant.", -1)).hasSize(3);
    }

    @Test
    void an_email_has_html_and_text_in_the_recipients_language() throws Exception {
        String address = "national-" + UUID.randomUUID() + "@example.org";
        DeliveryRequested request = request(UUID.randomUUID(), UUID.randomUUID(), Channel.EMAIL, address, "de",
                "Verlassen Sie Kabul sofort.", 0);
        Requests.publish(request);

        Delivery delivery = awaitStatus(request.requestId(), DeliveryStatus.SENT);

        List<MimeMessage> mails = TestStack.mail().receivedBy(address);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Leave now");
        assertThat(mail.getMessageID()).isEqualTo(delivery.providerId);
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String all = partsText(parts);
        assertThat(all).contains("Nachricht Ihrer Botschaft").contains("Verlassen Sie Kabul sofort.")
                .contains("text/html").contains("text/plain");
    }

    private static String partsText(MimeMultipart multipart) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            text.append(part.getContentType()).append('\n');
            Object content = part.getContent();
            text.append(content instanceof MimeMultipart nested ? partsText(nested) : String.valueOf(content));
        }
        return text.toString();
    }

    Delivery awaitStatus(String requestId, DeliveryStatus status) {
        try {
            return await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(requestId),
                    d -> d != null && d.status == status);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Delivery d = lookups.delivery(requestId);
            throw new AssertionError("expected " + status + " but " + (d == null ? "no delivery"
                    : d.status + " " + d.dispatch + " " + d.errorCode + " " + lookups.history(d.id).stream()
                    .map(h -> h.status + ":" + h.errorCode + ":" + h.detail).toList()), e);
        }
    }
}

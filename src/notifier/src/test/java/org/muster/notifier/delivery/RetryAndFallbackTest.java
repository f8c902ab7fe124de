package org.muster.notifier.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.notifier.Lookups;
import org.muster.notifier.NotifierStack;
import org.muster.notifier.Requests;
import org.muster.testing.TestStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retry and fallback matrix through the Twilio sandbox: 429 and 5xx are retried with backoff (honouring
 * Retry-After) until they go through or the attempts run out; permanent refusals fail at once with Twilio's code;
 * a failure lets the next channel of the plan (an e-mail, requested together with the SMS) go; a success cancels it.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
class RetryAndFallbackTest {

    @Inject
    Lookups lookups;

    @ParameterizedTest(name = "{0}: {1} after {2} attempts, e-mail {3}")
    @CsvSource({
            // number,       final status, attempts, e-mail status, error code
            "+93700300429, SENT, 3, CANCELLED, 20429",   // 429 twice with Retry-After: 1, then accepted
            "+93700300500, SENT, 3, CANCELLED, 20500",   // 500 twice, then accepted (no hidden SDK resend)
            "+93700310599, FAILED, 6, SENT, 20500",      // 500 every time: gives up after max-attempts
            "+1234567, FAILED, 1, SENT, 21211",          // invalid number: never retried
            NotifierStack.UNSUBSCRIBED + ", FAILED, 1, SENT, 21610",
            NotifierStack.LANDLINE + ", FAILED, 1, SENT, 21614",
            "+93700320003, FAILED, 1, SENT, 30003",      // accepted, then the carrier's failure by callback
            "+93700320005, UNDELIVERED, 1, SENT, 30005"})
    void sms_then_email(String number, DeliveryStatus smsStatus, int attempts, DeliveryStatus emailStatus,
                        String errorCode) {
        UUID campaign = UUID.randomUUID();
        UUID recipient = UUID.randomUUID();
        String mailbox = "plan-" + recipient + "@example.org";
        DeliveryRequested sms = Requests.request(campaign, recipient, Channel.SMS, number, "en", "Leave now.", 0);
        DeliveryRequested email = Requests.request(campaign, recipient, Channel.EMAIL, mailbox, "en", "Leave now.", 1);
        Requests.publish(sms);
        Requests.publish(email);

        Delivery first = awaitFinal(sms.requestId(), smsStatus == DeliveryStatus.SENT ? DeliveryStatus.DELIVERED
                : smsStatus);
        Delivery next = awaitFinal(email.requestId(), emailStatus);

        assertThat(first.attempts).isEqualTo(attempts);
        List<DeliveryHistory> history = lookups.history(first.id);
        assertThat(history).filteredOn(h -> errorCode.equals(h.errorCode)).isNotEmpty();
        if (smsStatus == DeliveryStatus.SENT) {
            assertThat(NotifierStack.twilio().messagesTo(number)).hasSize(1);
            assertThat(TestStack.mail().receivedBy(mailbox)).isEmpty();
            // Retry-After: 1 was honoured between the refusals.
            if (errorCode.equals("20429")) {
                var refusals = history.stream().filter(h -> "20429".equals(h.errorCode)).toList();
                assertThat(Duration.between(refusals.get(0).occurredAt, refusals.get(1).occurredAt))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            }
        } else {
            assertThat(first.errorCode).isEqualTo(errorCode);
            assertOneMail(next, mailbox);
        }
    }

    @Test
    void an_sms_the_carrier_never_reports_on_lets_the_email_go_after_a_while() {
        UUID campaign = UUID.randomUUID();
        UUID recipient = UUID.randomUUID();
        String number = "+93700340007"; // the sandbox's carrier never reports on it
        String mailbox = "silent-" + recipient + "@example.org";
        DeliveryRequested sms = Requests.request(campaign, recipient, Channel.SMS, number, "en", "Leave now.", 0);
        DeliveryRequested email = Requests.request(campaign, recipient, Channel.EMAIL, mailbox, "en", "Leave now.", 1);
        Requests.publish(sms);
        Requests.publish(email);

        Delivery next = awaitFinal(email.requestId(), DeliveryStatus.SENT);

        Delivery first = lookups.delivery(sms.requestId());
        assertThat(first.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(NotifierStack.twilio().messagesTo(number)).hasSize(1);
        assertThat(lookups.history(next.id)).extracting(h -> h.detail)
                .contains("fallback: no delivery report for SMS within PT3S");
        // Not before the configured wait after the SMS was sent.
        assertThat(Duration.between(first.updatedAt, lookups.history(next.id).stream()
                .filter(h -> h.status == DeliveryStatus.SENT).findFirst().orElseThrow().occurredAt))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertOneMail(next, mailbox);
    }

    @Test
    void a_request_past_its_validity_expires_unsent_and_the_plan_moves_on() {
        UUID campaign = UUID.randomUUID();
        UUID recipient = UUID.randomUUID();
        DeliveryRequested fresh = Requests.request(campaign, recipient, Channel.SMS, "+93700330011", "en", "x", 0);
        DeliveryRequested stale = new DeliveryRequested(fresh.requestId(), campaign, recipient, Channel.SMS,
                fresh.address(), "en", null, "x", fresh.priority(), java.time.Instant.now().minusSeconds(1), 0,
                fresh.occurredAt());
        Requests.publish(stale);

        awaitFinal(stale.requestId(), DeliveryStatus.EXPIRED);
        assertThat(NotifierStack.twilio().messagesTo("+93700330011")).isEmpty();
    }

    /**
     * The e-mail step went out exactly once. It may have taken more than one attempt, but only after a transient
     * SMTP failure that its history records (e.g. a pooled SMTP connection the server had already dropped): every
     * attempt before the accepted one must have been refused with an SMTP code, and the last one accepted.
     */
    private void assertOneMail(Delivery email, String mailbox) {
        List<DeliveryHistory> history = lookups.history(email.id);
        String explained = "e-mail delivery history " + history.stream()
                .map(h -> h.status + ":attempt " + h.attempt + ":" + h.errorCode + ":" + h.detail).toList();
        assertThat(TestStack.mail().receivedBy(mailbox)).as(explained).hasSize(1);
        assertThat(history).as(explained)
                .filteredOn(h -> h.status == DeliveryStatus.SENT)
                .singleElement()
                .extracting(sent -> sent.attempt)
                .isEqualTo(email.attempts);
        List<Integer> refused = history.stream()
                .filter(h -> h.errorCode != null && h.errorCode.startsWith("SMTP_")
                        && h.detail != null && h.detail.startsWith("attempt " + h.attempt + " refused"))
                .map(h -> h.attempt)
                .toList();
        assertThat(refused).as(explained)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(1, email.attempts).boxed().toList());
    }

    private Delivery awaitFinal(String requestId, DeliveryStatus status) {
        try {
            // 90 s: a pooled SMTP connection can stall 30 s before the retry (see the README).
            return await().atMost(Duration.ofSeconds(90)).until(() -> lookups.delivery(requestId),
                    d -> d != null && d.status == status);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Delivery d = lookups.delivery(requestId);
            throw new AssertionError("expected " + status + " but " + (d == null ? "no delivery"
                    : d.status + " " + d.dispatch + " " + d.errorCode + " " + lookups.history(d.id).stream()
                    .map(h -> h.status + ":" + h.errorCode + ":" + h.detail).toList()), e);
        }
    }
}

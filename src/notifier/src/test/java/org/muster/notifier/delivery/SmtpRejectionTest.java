package org.muster.notifier.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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
 * E-mail refused by the real SMTP server at {@code RCPT TO}: a 5xx reply is a hard rejection (FAILED at once with
 * the server's code, never retried, and the next channel of the plan goes); a 4xx reply is retried with backoff.
 * The plan here is e-mail first, then SMS.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
class SmtpRejectionTest {

    @Inject
    Lookups lookups;

    @Test
    void a_hard_rejection_fails_at_once_with_the_smtp_code_and_the_sms_goes() {
        UUID recipient = UUID.randomUUID();
        String mailbox = "bounce+" + recipient + "@example.org";
        String phone = "+9370041" + String.format("%04d", Math.abs(recipient.hashCode() % 10_000) / 10 * 10 + 1);
        Plan plan = emailThenSms(recipient, mailbox, phone);

        Delivery email = awaitStatus(plan.email(), DeliveryStatus.FAILED);
        // The SMS (step 1) waited for the e-mail (step 0) and went once it failed.
        awaitStatus(plan.sms(), DeliveryStatus.DELIVERED);

        assertThat(email.errorCode).isEqualTo("SMTP_550");
        assertThat(email.attempts).as("never retried").isEqualTo(1);
        List<DeliveryHistory> history = lookups.history(email.id);
        assertThat(history).filteredOn(h -> h.status == DeliveryStatus.FAILED).singleElement()
                .satisfies(failed -> {
                    assertThat(failed.errorCode).isEqualTo("SMTP_550");
                    assertThat(failed.detail).contains("550 5.1.1").contains("User unknown");
                });
        assertThat(history).noneMatch(h -> h.detail != null && h.detail.contains("refused"));
        assertThat(TestStack.mail().receivedBy(mailbox)).isEmpty();
        assertThat(NotifierStack.twilio().messagesTo(phone)).hasSize(1);
    }

    @Test
    void a_transient_refusal_is_retried_and_the_mail_goes_through() {
        UUID recipient = UUID.randomUUID();
        String mailbox = "greylisted-" + recipient + "@example.org";
        TestStack.mail().rejectRecipients(Pattern.compile(Pattern.quote(mailbox)),
                "451 4.7.1 <%s>: Recipient address rejected: greylisted, try again later", 2);
        String phone = "+9370042" + String.format("%04d", Math.abs(recipient.hashCode() % 10_000) / 10 * 10 + 1);
        Plan plan = emailThenSms(recipient, mailbox, phone);

        Delivery email = awaitStatus(plan.email(), DeliveryStatus.SENT);
        awaitStatus(plan.sms(), DeliveryStatus.CANCELLED);

        List<DeliveryHistory> history = lookups.history(email.id);
        String explained = "history " + history.stream()
                .map(h -> h.status + ":attempt " + h.attempt + ":" + h.errorCode + ":" + h.detail).toList();
        // The local SMTP server now and then stalls a pooled connection until its 30 s socket timeout and
        // answers 421 (README, "Left"): one more transient refusal, retried like the others, never a second mail.
        long stalls = history.stream().filter(h -> "SMTP_421".equals(h.errorCode)).count();
        assertThat(email.attempts).as(explained).isEqualTo(3 + stalls);
        assertThat(history).as(explained)
                .filteredOn(h -> h.detail != null && h.detail.contains("refused"))
                .extracting(h -> h.errorCode)
                .isSubsetOf("SMTP_451", "SMTP_421")
                .filteredOn("SMTP_451"::equals).hasSize(2);
        assertThat(TestStack.mail().receivedBy(mailbox)).hasSize(1);
        assertThat(NotifierStack.twilio().messagesTo(phone)).isEmpty();
    }

    @Test
    void a_refusal_that_never_ends_fails_after_the_last_attempt_with_the_smtp_code_and_the_sms_goes() {
        UUID recipient = UUID.randomUUID();
        String mailbox = "defer+" + recipient + "@example.org";
        String phone = "+9370043" + String.format("%04d", Math.abs(recipient.hashCode() % 10_000) / 10 * 10 + 1);
        Plan plan = emailThenSms(recipient, mailbox, phone);

        Delivery email = awaitStatus(plan.email(), DeliveryStatus.FAILED);
        awaitStatus(plan.sms(), DeliveryStatus.DELIVERED);

        // As above, a stalled pooled connection may make one of the six attempts a 421 instead of the 451.
        List<DeliveryHistory> history = lookups.history(email.id);
        long stalls = history.stream().filter(h -> "SMTP_421".equals(h.errorCode)).count();
        assertThat(stalls).as("history %s", history).isLessThanOrEqualTo(1);
        assertThat(email.errorCode).isIn("SMTP_451", "SMTP_421");
        assertThat(email.attempts).isEqualTo(6);
        assertThat(history)
                .filteredOn(h -> h.detail != null && h.detail.contains("refused"))
                .extracting(h -> h.errorCode)
                .isSubsetOf("SMTP_451", "SMTP_421")
                .hasSize(5);
        assertThat(TestStack.mail().receivedBy(mailbox)).isEmpty();
        assertThat(NotifierStack.twilio().messagesTo(phone)).hasSize(1);
    }

    private record Plan(String email, String sms) {
    }

    private static Plan emailThenSms(UUID recipient, String mailbox, String phone) {
        UUID campaign = UUID.randomUUID();
        DeliveryRequested email = Requests.request(campaign, recipient, Channel.EMAIL, mailbox, "en", "Leave now.", 0);
        DeliveryRequested sms = Requests.request(campaign, recipient, Channel.SMS, phone, "en", "Leave now.", 1);
        Requests.publish(email);
        Requests.publish(sms);
        return new Plan(email.requestId(), sms.requestId());
    }

    private Delivery awaitStatus(String requestId, DeliveryStatus status) {
        try {
            return await().atMost(Duration.ofSeconds(90)).until(() -> lookups.delivery(requestId),
                    d -> d != null && d.status == status);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Delivery d = lookups.delivery(requestId);
            throw new AssertionError("expected " + status + " but " + (d == null ? "no delivery"
                    : d.status + " " + d.dispatch + " " + d.errorCode + " " + lookups.history(d.id).stream()
                    .map(h -> h.status + ":" + h.attempt + ":" + h.errorCode + ":" + h.detail).toList()), e);
        }
    }
}

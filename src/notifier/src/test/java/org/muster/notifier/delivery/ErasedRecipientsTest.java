package org.muster.notifier.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.notifier.DeliveryStatusChanged;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.notifier.Lookups;
import org.muster.notifier.NotifierStack;
import org.muster.notifier.Requests;
import org.muster.testing.EventProducer;
import org.muster.testing.TestStack;
import org.muster.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registry erases a person while their alert is still being tried: through the real Kafka, the Twilio sandbox and
 * SMTP, nothing more goes to them, and their numbers, texts and replies are gone from notifier's tables.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
class ErasedRecipientsTest {

    @Inject
    Lookups lookups;

    @Inject
    EntityManager em;

    @Test
    void pending_deliveries_are_cancelled_and_addresses_texts_and_replies_cleared() {
        try (TopicReader events = new TopicReader(Topics.DELIVERY_EVENTS)) {
            erasedWhileTried(events);
        }
    }

    private void erasedWhileTried(TopicReader events) {
        // The timed part below leaves the erasure about two seconds: make sure it is being read first.
        eraseAndAwait("+93700340011");
        UUID campaign = UUID.randomUUID();
        UUID recipient = UUID.randomUUID();
        // The sandbox refuses the first two sends to this number (429, Retry-After: 1 s): the SMS waits to be tried
        // again, the e-mail waits for the SMS, for at least two seconds.
        String number = "+93700340429";
        String mailbox = "erased-" + recipient + "@example.org";
        // A message from the number before any delivery to it: kept for staff, matched to nobody.
        NotifierStack.twilio().injectInboundSms(number, NotifierStack.SENDER, "We are at the Serena hotel");
        await().atMost(Duration.ofSeconds(20)).until(() -> lookups.repliesFrom(number).size() == 1);
        DeliveryRequested sms = Requests.request(campaign, recipient, Channel.SMS, number, "en", "Zahra: leave now.", 0);
        DeliveryRequested email = Requests.request(campaign, recipient, Channel.EMAIL, mailbox, "en", "Zahra: leave now.", 1);
        Requests.publish(sms);
        Requests.publish(email);
        Delivery refused = await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(sms.requestId()),
                d -> d != null && "20429".equals(d.errorCode));
        assertThat(lookups.delivery(email.requestId()).dispatch).isEqualTo(Dispatch.WAITING);

        EventProducer.publishTombstone(Topics.REGISTRY_NATIONALS, recipient.toString(), NationalSnapshot.ERASED_TYPE,
                "registry");

        Delivery smsAfter = awaitFinal(sms.requestId());
        Delivery emailAfter = awaitFinal(email.requestId());
        for (Delivery d : List.of(smsAfter, emailAfter)) {
            // The SMS either waited for its next attempt or was out and refused again: cancelled both ways.
            assertThat(d.status).isEqualTo(DeliveryStatus.CANCELLED);
            assertThat(d.address).isEmpty();
            assertThat(d.body).isEmpty();
            assertThat(d.subject).isNull();
            assertThat(lookups.history(d.id)).extracting(h -> h.detail)
                    .containsOnly(null, ErasedRecipients.ERASED).contains(ErasedRecipients.ERASED);
        }
        assertThat(refused.attempts).isGreaterThanOrEqualTo(1);
        assertThat(lookups.repliesFrom(number)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(*) FROM reply WHERE text LIKE '%Serena%'").getSingleResult())).isEqualTo(0L);
        assertThat(NotifierStack.twilio().messagesTo(number)).isEmpty();
        assertThat(TestStack.mail().receivedBy(mailbox)).isEmpty();
        // Alerts learns it from the status events, as of any cancelled delivery.
        List<DeliveryStatusChanged> statuses = Requests.statuses(events, recipient,
                s -> s.stream().filter(e -> e.status() == DeliveryStatus.CANCELLED).count() == 2);
        assertThat(statuses).filteredOn(e -> e.status() == DeliveryStatus.CANCELLED)
                .extracting(DeliveryStatusChanged::deliveryId).containsExactlyInAnyOrder(smsAfter.id, emailAfter.id);
    }

    @Test
    void a_tombstone_for_someone_notifier_never_wrote_to_changes_nothing_else() {
        DeliveryRequested other = Requests.sms("+93700340001", "Leave now.");
        Requests.publish(other);
        Delivery delivered = await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(other.requestId()),
                d -> d != null && d.status == DeliveryStatus.DELIVERED);
        UUID stranger = UUID.randomUUID();
        EventProducer.publishTombstone(Topics.REGISTRY_NATIONALS, stranger.toString(), NationalSnapshot.ERASED_TYPE,
                "registry");
        // A second person's erasure after it, to know the first was applied.
        eraseAndAwait("+93700340002");

        assertThat(lookups.delivery(other.requestId()).address).isEqualTo("+93700340001");
        assertThat(lookups.delivery(other.requestId()).body).isEqualTo("Leave now.");
        assertThat(lookups.delivery(other.requestId()).status).isEqualTo(delivered.status);
    }

    /** Someone delivered to on {@code number} is erased; returns once notifier has cleared their address. */
    private void eraseAndAwait(String number) {
        DeliveryRequested marker = Requests.sms(number, "Leave now.");
        Requests.publish(marker);
        awaitFinal(marker.requestId());
        EventProducer.publishTombstone(Topics.REGISTRY_NATIONALS, marker.recipientId().toString(),
                NationalSnapshot.ERASED_TYPE, "registry");
        await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(marker.requestId()).address.isEmpty());
    }

    private Delivery awaitFinal(String requestId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(requestId),
                d -> d != null && d.dispatch == Dispatch.DONE && d.status.isFinal());
    }
}

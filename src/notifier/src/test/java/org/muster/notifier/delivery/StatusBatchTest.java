package org.muster.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.notifier.DeliveryStatusChanged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.contracts.common.DeliveryStatus.DELIVERED;
import static org.muster.contracts.common.DeliveryStatus.FAILED;
import static org.muster.contracts.common.DeliveryStatus.READ;
import static org.muster.contracts.common.DeliveryStatus.SENT;

class StatusBatchTest {

    private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");

    @Test
    void callbacks_for_several_deliveries_each_move_their_own() {
        Delivery a = delivery(SENT, "SMa");
        Delivery b = delivery(SENT, "SMb");

        StatusBatch outcome = StatusBatch.ofCallbacks(Map.of(a.id, a, b.id, b), List.of(
                callback(a, "SMa", DELIVERED, 1), callback(b, "SMb", FAILED, 2)));

        assertThat(a.status).isEqualTo(DELIVERED);
        assertThat(a.dispatch).isEqualTo(Dispatch.DONE);
        assertThat(b.status).isEqualTo(FAILED);
        assertThat(b.errorCode).isEqualTo("PROVIDER_FAILED");
        assertThat(outcome.changed.values()).containsExactly(a, b);
        assertThat(outcome.events).extracting(DeliveryStatusChanged::deliveryId, DeliveryStatusChanged::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a.id, DELIVERED),
                        org.assertj.core.groups.Tuple.tuple(b.id, FAILED));
        assertThat(outcome.events.get(1).errorCode()).isEqualTo("PROVIDER_FAILED");
        assertThat(outcome.planActions).extracting(StatusBatch.PlanAction::deliveryId, StatusBatch.PlanAction::step)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a.id, StatusBatch.PlanStep.CANCEL_LATER_STEPS),
                        org.assertj.core.groups.Tuple.tuple(b.id, StatusBatch.PlanStep.RELEASE_NEXT_STEP));
    }

    @Test
    void out_of_order_in_one_batch_the_higher_rank_wins_and_both_are_in_the_history() {
        Delivery a = delivery(SENT, "SMa");

        StatusBatch outcome = StatusBatch.ofCallbacks(Map.of(a.id, a), List.of(
                callback(a, "SMa", READ, 1), callback(a, "SMa", DELIVERED, 2), callback(a, "SMa", SENT, 3)));

        assertThat(a.status).isEqualTo(READ);
        assertThat(outcome.changed.values()).containsExactly(a);
        assertThat(outcome.events).extracting(DeliveryStatusChanged::status).containsExactly(READ);
        assertThat(outcome.history).extracting(NewDeliveries.Step::status, NewDeliveries.Step::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(READ, "provider callback"),
                        org.assertj.core.groups.Tuple.tuple(DELIVERED, "ignored: arrived after READ"),
                        org.assertj.core.groups.Tuple.tuple(SENT, "ignored: arrived after READ"));
    }

    @Test
    void in_order_in_one_batch_each_step_is_an_event_and_the_delivery_is_written_once() {
        Delivery a = delivery(DeliveryStatus.QUEUED, null);

        StatusBatch outcome = StatusBatch.ofCallbacks(Map.of(a.id, a), List.of(
                callback(a, "SMa", SENT, 1), callback(a, "SMa", DELIVERED, 2)));

        assertThat(a.providerId).isEqualTo("SMa");
        assertThat(outcome.changed.values()).containsExactly(a);
        assertThat(outcome.events).extracting(DeliveryStatusChanged::status).containsExactly(SENT, DELIVERED);
        assertThat(outcome.history).extracting(NewDeliveries.Step::occurredAt)
                .containsExactly(T0.plusSeconds(1), T0.plusSeconds(2));
    }

    @Test
    void callbacks_for_unknown_deliveries_or_another_message_change_nothing() {
        Delivery a = delivery(SENT, "SMa");
        Delivery unknown = delivery(SENT, "SMu");

        StatusBatch outcome = StatusBatch.ofCallbacks(Map.of(a.id, a), List.of(
                callback(unknown, "SMu", DELIVERED, 1), callback(a, "SMother", DELIVERED, 2)));

        assertThat(a.status).isEqualTo(SENT);
        assertThat(outcome.changed.values()).isEmpty();
        assertThat(outcome.history).isEmpty();
        assertThat(outcome.events).isEmpty();
        assertThat(outcome.planActions).isEmpty();
    }

    @Test
    void answers_of_a_batch_each_by_its_own_rule() {
        Delivery accepted = inFlight(1);
        Delivery retried = inFlight(2);
        Delivery exhausted = inFlight(6);
        Delivery stale = inFlight(3);
        Backoff noJitter = new Backoff(java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5), () -> 1.0);

        StatusBatch batch = StatusBatch.ofResults(
                Map.of(accepted.id, accepted, retried.id, retried, exhausted.id, exhausted, stale.id, stale),
                List.of(Map.entry(outgoing(accepted, 1), new SendResult.Accepted("SMok", "GSM-7", 1)),
                        Map.entry(outgoing(retried, 2), new SendResult.Retryable("20429", null, "busy")),
                        Map.entry(outgoing(exhausted, 6), new SendResult.Retryable("500", null, "down")),
                        // An answer to an older claim of a delivery claimed again: the newer attempt decides.
                        Map.entry(outgoing(stale, 2), new SendResult.Permanent("21211", "invalid"))),
                noJitter, 6, T0);

        assertThat(accepted.status).isEqualTo(SENT);
        assertThat(accepted.providerId).isEqualTo("SMok");
        assertThat(accepted.segments).isEqualTo(1);
        assertThat(accepted.dispatch).isEqualTo(Dispatch.DONE);
        assertThat(retried.dispatch).isEqualTo(Dispatch.READY);
        assertThat(retried.nextAttemptAt).isAfter(T0);
        assertThat(retried.errorCode).isEqualTo("20429");
        assertThat(exhausted.status).isEqualTo(FAILED);
        assertThat(stale.status).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(stale.dispatch).isEqualTo(Dispatch.IN_FLIGHT);
        assertThat(batch.changed.values()).containsExactly(accepted, retried, exhausted);
        assertThat(batch.events).extracting(DeliveryStatusChanged::deliveryId, DeliveryStatusChanged::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(accepted.id, SENT),
                        org.assertj.core.groups.Tuple.tuple(exhausted.id, FAILED));
        assertThat(batch.history).extracting(NewDeliveries.Step::deliveryId)
                .containsExactly(accepted.id, retried.id, exhausted.id);
        assertThat(batch.retries).isTrue();
        assertThat(batch.planActions).extracting(StatusBatch.PlanAction::deliveryId).containsExactly(exhausted.id);
    }

    @Test
    void a_refused_attempt_for_a_recipient_erased_meanwhile_is_cancelled_not_retried() {
        Delivery erased = inFlight(1);
        erased.address = "";
        Delivery kept = inFlight(1);

        StatusBatch batch = StatusBatch.ofResults(Map.of(erased.id, erased, kept.id, kept),
                List.of(Map.entry(outgoing(erased, 1), new SendResult.Retryable("20429", null, "busy")),
                        Map.entry(outgoing(kept, 1), new SendResult.Retryable("20429", null, "busy"))),
                new Backoff(java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5), () -> 1.0), 6, T0);

        assertThat(erased.status).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(erased.dispatch).isEqualTo(Dispatch.DONE);
        assertThat(kept.dispatch).isEqualTo(Dispatch.READY);
        assertThat(batch.events).extracting(DeliveryStatusChanged::deliveryId, DeliveryStatusChanged::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(erased.id, DeliveryStatus.CANCELLED));
        assertThat(batch.planActions).isEmpty();
    }

    @Test
    void an_acceptance_after_a_callback_keeps_the_later_status() {
        Delivery delivery = inFlight(1);
        delivery.status = DELIVERED;

        StatusBatch batch = StatusBatch.ofResults(Map.of(delivery.id, delivery),
                List.of(Map.entry(outgoing(delivery, 1), new SendResult.Accepted("SMok", null, null))),
                new Backoff(java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5), () -> 1.0), 6, T0);

        assertThat(delivery.status).isEqualTo(DELIVERED);
        assertThat(delivery.providerId).isEqualTo("SMok");
        assertThat(batch.events).isEmpty();
        assertThat(batch.history).extracting(NewDeliveries.Step::detail)
                .containsExactly("accepted after a later status had arrived");
    }

    private static Delivery inFlight(int attempts) {
        Delivery delivery = delivery(DeliveryStatus.QUEUED, null);
        delivery.attempts = attempts;
        delivery.dispatch = Dispatch.IN_FLIGHT;
        delivery.nextAttemptAt = T0;
        return delivery;
    }

    private static Outgoing outgoing(Delivery delivery, int attempt) {
        return new Outgoing(delivery.id, Channel.SMS, "+93700000001", "en", null, "Leave now.", attempt,
                T0.plusSeconds(3600), 0, null);
    }

    private static ProviderCallback callback(Delivery delivery, String sid, DeliveryStatus status, int second) {
        return new ProviderCallback(delivery.id, sid, status, null, T0.plusSeconds(second));
    }

    private static Delivery delivery(DeliveryStatus status, String providerId) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.requestId = "req-" + delivery.id;
        delivery.campaignId = UUID.randomUUID();
        delivery.recipientId = UUID.randomUUID();
        delivery.channel = Channel.SMS;
        delivery.address = "+93700000001";
        delivery.status = status;
        delivery.providerId = providerId;
        delivery.attempts = 1;
        delivery.dispatch = Dispatch.DONE;
        return delivery;
    }
}

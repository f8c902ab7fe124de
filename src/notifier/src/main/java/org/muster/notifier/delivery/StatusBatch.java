package org.muster.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.notifier.DeliveryStatusChanged;

/**
 * Status changes of many deliveries, worked out in memory, without the database, by the same rules as one at a
 * time (never backwards, a status that could not be applied still in the history), so that a whole batch is then
 * written in a handful of statements ({@link Deliveries}): provider answers and provider callbacks.
 */
final class StatusBatch {

    /** What the channel plan must do after a delivery's status changed. */
    enum PlanStep { CANCEL_LATER_STEPS, RELEASE_NEXT_STEP }

    /** A plan step for the plan of {@code deliveryId}, caused by a change at {@code at}. */
    record PlanAction(UUID deliveryId, PlanStep step, Instant at) {
    }

    /** The deliveries whose row changed, each once, with their final state. */
    final Map<UUID, Delivery> changed = new LinkedHashMap<>();
    /** History rows, in the order things happened. */
    final List<NewDeliveries.Step> history = new ArrayList<>();
    /** A status change event per status applied, in the order things happened. */
    final List<DeliveryStatusChanged> events = new ArrayList<>();
    /** What the plans must do, in order, each step at most once per delivery (releasing twice would release two). */
    final List<PlanAction> planActions = new ArrayList<>();
    /** Whether a delivery becomes due again (a retry): the dispatcher is woken after the commit. */
    boolean retries;

    /**
     * Provider callbacks, in the order they arrived; a callback for an unknown delivery or for another message id
     * is dropped.
     *
     * @param deliveries the deliveries the callbacks name that exist, by id; changed in place
     */
    static StatusBatch ofCallbacks(Map<UUID, Delivery> deliveries, List<ProviderCallback> callbacks) {
        StatusBatch batch = new StatusBatch();
        for (ProviderCallback callback : callbacks) {
            Delivery delivery = deliveries.get(callback.deliveryId());
            if (delivery == null || (delivery.providerId != null && callback.providerId() != null
                    && !delivery.providerId.equals(callback.providerId()))) {
                continue;
            }
            DeliveryStatus status = callback.status();
            String errorCode = callback.errorCode();
            if (status.needsFallback() && errorCode == null) {
                errorCode = "PROVIDER_" + status.name();
            }
            DeliveryStatus before = delivery.status;
            if (!batch.move(delivery, status, callback.providerId(), errorCode, "provider callback", callback.at())) {
                batch.note(delivery, status, callback.providerId(), errorCode, "ignored: arrived after " + before,
                        callback.at());
            }
        }
        return batch;
    }

    /**
     * The provider's answers to attempts: accepted → SENT with the provider's id; retryable → due again after the
     * backoff, or FAILED after the last attempt; permanent → FAILED; expired → EXPIRED. An answer to a claim that
     * expired and was taken again is ignored unless it is an acceptance (the message went out, its id must be
     * known).
     *
     * @param deliveries the deliveries of the attempts that exist, by id; changed in place
     */
    static StatusBatch ofResults(Map<UUID, Delivery> deliveries, List<Map.Entry<Outgoing, SendResult>> results,
                                 Backoff backoff, int maxAttempts, Instant now) {
        StatusBatch batch = new StatusBatch();
        for (Map.Entry<Outgoing, SendResult> entry : results) {
            Outgoing outgoing = entry.getKey();
            Delivery delivery = deliveries.get(outgoing.id());
            if (delivery == null) {
                continue;
            }
            boolean current = delivery.dispatch == Dispatch.IN_FLIGHT && delivery.attempts == outgoing.attempt();
            SendResult result = entry.getValue();
            if (result instanceof SendResult.Accepted accepted) {
                delivery.providerId = accepted.providerId();
                delivery.encoding = accepted.encoding();
                delivery.segments = accepted.segments();
                delivery.dispatch = Dispatch.DONE;
                batch.changed.put(delivery.id, delivery);
                if (!batch.move(delivery, DeliveryStatus.SENT, accepted.providerId(), null, "accepted", now)) {
                    batch.note(delivery, DeliveryStatus.SENT, accepted.providerId(), null,
                            "accepted after a later status had arrived", now);
                }
                if (delivery.channel == Channel.EMAIL) {
                    // SMTP acceptance is the last word an e-mail gets: the channel plan stops here.
                    batch.plan(delivery, PlanStep.CANCEL_LATER_STEPS, now);
                }
                continue;
            }
            if (!current) {
                continue;
            }
            batch.changed.put(delivery.id, delivery);
            if (result instanceof SendResult.Retryable && ErasedRecipients.erased(delivery)) {
                // The recipient was erased while this attempt was out: no other attempt.
                delivery.dispatch = Dispatch.DONE;
                batch.move(delivery, DeliveryStatus.CANCELLED, null, null, ErasedRecipients.ERASED, now);
            } else if (result instanceof SendResult.Retryable retryable && outgoing.attempt() < maxAttempts) {
                Duration delay = backoff.after(outgoing.attempt(), retryable.retryAfter());
                delivery.dispatch = Dispatch.READY;
                delivery.nextAttemptAt = now.plus(delay);
                delivery.errorCode = retryable.errorCode();
                delivery.updatedAt = now;
                batch.note(delivery, delivery.status, null, retryable.errorCode(), "attempt " + outgoing.attempt()
                        + " refused (" + Deliveries.abbreviate(retryable.detail()) + "), next in " + delay.toMillis()
                        + " ms", now);
                batch.retries = true;
            } else if (result instanceof SendResult.Retryable retryable) {
                delivery.dispatch = Dispatch.DONE;
                batch.move(delivery, DeliveryStatus.FAILED, null, retryable.errorCode(), "gave up after "
                        + outgoing.attempt() + " attempts: " + Deliveries.abbreviate(retryable.detail()), now);
            } else if (result instanceof SendResult.Permanent permanent) {
                delivery.dispatch = Dispatch.DONE;
                batch.move(delivery, DeliveryStatus.FAILED, null, permanent.errorCode(), permanent.detail(), now);
            } else if (result instanceof SendResult.Expired) {
                delivery.dispatch = Dispatch.DONE;
                batch.move(delivery, DeliveryStatus.EXPIRED, null, null, "valid until " + delivery.validUntil, now);
            }
        }
        return batch;
    }

    /** Moves the delivery to {@code status} if that is forward: history, event and what its plan must do. */
    private boolean move(Delivery delivery, DeliveryStatus status, String providerId, String errorCode,
                         String detail, Instant at) {
        if (!Deliveries.advance(delivery, status, providerId, errorCode)) {
            return false;
        }
        changed.put(delivery.id, delivery);
        note(delivery, status, providerId, errorCode, detail, at);
        events.add(Deliveries.statusEvent(delivery, status, errorCode, at));
        if (Deliveries.reached(delivery)) {
            plan(delivery, PlanStep.CANCEL_LATER_STEPS, at);
        } else if (Deliveries.gaveUp(delivery)) {
            plan(delivery, PlanStep.RELEASE_NEXT_STEP, at);
        }
        return true;
    }

    private void plan(Delivery delivery, PlanStep step, Instant at) {
        if (planActions.stream().noneMatch(a -> a.deliveryId().equals(delivery.id) && a.step() == step)) {
            planActions.add(new PlanAction(delivery.id, step, at));
        }
    }

    private void note(Delivery delivery, DeliveryStatus status, String providerId, String errorCode, String detail,
                      Instant at) {
        history.add(NewDeliveries.Step.of(delivery, status, providerId, errorCode, detail, at));
    }
}

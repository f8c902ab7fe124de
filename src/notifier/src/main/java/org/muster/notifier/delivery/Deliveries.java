package org.muster.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.contracts.alerts.CampaignStateChanged;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.notifier.DeliveryStatusChanged;
import org.muster.platform.outbox.Outbox;

import static org.muster.platform.sql.SqlValues.instant;

/**
 * The life of a delivery, each step one transaction that also records the status change in the outbox: accepted
 * from a request, claimed by a dispatcher (persisted before the provider is called), the provider's answer, and
 * the provider's callbacks (in batches). Also the channel plan: a later step waits until an earlier one failed.
 */
@ApplicationScoped
public class Deliveries {

    /*
     * The dispatcher runs these every second, on a table that keeps every delivery ever made. Each
     * reads only through a partial index (delivery_waiting, delivery_due, delivery_in_flight): the
     * state is a literal, as PostgreSQL uses a partial index only for a predicate it can see implies
     * the index's, which neither a bound parameter (in a generic plan) nor an IN list does. Both
     * read every row before (35 and 31 ms at 200,000 deliveries; 0.6 and 0.02 ms now).
     * HousekeepingQueriesTest checks the plans.
     */
    /** Waiting steps, oldest first, a bounded lot per round. */
    static final String WAITING_STEPS = "SELECT * FROM delivery WHERE dispatch = 'WAITING' ORDER BY created_at LIMIT 500";
    /** Deliveries due or in flight, per channel (one row per channel and arm). */
    static final String QUEUE_DEPTH = """
            SELECT channel, count(*) FROM delivery WHERE dispatch = 'READY' GROUP BY channel
            UNION ALL
            SELECT channel, count(*) FROM delivery WHERE dispatch = 'IN_FLIGHT' GROUP BY channel""";


    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    DispatchSignal signal;

    @Inject
    NewDeliveries newDeliveries;

    @Inject
    CampaignControls campaignControls;

    @ConfigProperty(name = "muster.notifier.retry.base")
    Duration retryBase;

    @ConfigProperty(name = "muster.notifier.retry.max-delay")
    Duration retryMaxDelay;

    @ConfigProperty(name = "muster.notifier.retry.max-attempts")
    int maxAttempts;

    /**
     * How long a message may stay sent without a delivery report before the next channel of its plan goes: some
     * networks never report, and the e-mail behind an SMS must not wait for ever.
     */
    @ConfigProperty(name = "muster.notifier.fallback.unconfirmed-after")
    Duration unconfirmedAfter;

    /**
     * Persists the deliveries of many requests, each once: a request seen again (Kafka redelivery, alerts
     * publishing it twice, twice in the list) finds its key and changes nothing. A handful of statements whatever
     * the number: one to find the keys already known, one for the earlier steps of the recipients' plans (a later
     * step waits, or is cancelled if an earlier one got through), one insert each for deliveries, history and
     * events.
     *
     * @return the new deliveries, in the order of their requests
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Delivery> acceptAll(List<DeliveryRequested> requests) {
        return acceptAll(requests, Map.of());
    }

    /**
     * The same, each delivery keeping the W3C trace context its request came with.
     *
     * @param traceParents request id → {@code traceparent} of the request's event; a request without one has none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Delivery> acceptAll(List<DeliveryRequested> requests, Map<String, String> traceParents) {
        Map<String, DeliveryRequested> byKey = new LinkedHashMap<>();
        requests.forEach(request -> byKey.putIfAbsent(request.requestId(), request));
        if (byKey.isEmpty()) {
            return List.of();
        }
        byKey.keySet().removeAll(entityManager.createQuery(
                        "select requestId from Delivery where requestId in :keys", String.class)
                .setParameter("keys", byKey.keySet()).getResultList());
        if (byKey.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        Map<UUID, CampaignStateChanged.State> held = campaignControls.heldAmong(
                byKey.values().stream().map(DeliveryRequested::campaignId).collect(Collectors.toSet()));
        // Each recipient's plan so far: what is stored, then what this list adds, in order.
        Map<List<UUID>, List<Delivery>> plans = plans(byKey.values());
        List<Delivery> created = new ArrayList<>(byKey.size());
        for (DeliveryRequested request : byKey.values()) {
            Delivery delivery = newDelivery(request, now);
            delivery.traceParent = traceParents.get(request.requestId());
            List<Delivery> plan = plans.computeIfAbsent(List.of(delivery.campaignId, delivery.recipientId),
                    key -> new ArrayList<>());
            List<Delivery> earlier = plan.stream().filter(d -> d.fallbackStep < delivery.fallbackStep).toList();
            delivery.dispatch = earlier.stream().allMatch(Deliveries::gaveUp) ? Dispatch.READY : Dispatch.WAITING;
            if (earlier.stream().anyMatch(Deliveries::reached)
                    || held.get(delivery.campaignId) == CampaignStateChanged.State.CANCELLED) {
                delivery.status = DeliveryStatus.CANCELLED;
                delivery.dispatch = Dispatch.DONE;
            } else if (held.get(delivery.campaignId) == CampaignStateChanged.State.PAUSED
                    && delivery.dispatch == Dispatch.READY) {
                delivery.dispatch = Dispatch.PAUSED;
            }
            plan.add(delivery);
            created.add(delivery);
        }
        Set<UUID> inserted = newDeliveries.insert(created);
        List<Delivery> accepted = created.stream().filter(d -> inserted.contains(d.id)).toList();
        List<NewDeliveries.Step> history = new ArrayList<>();
        List<DeliveryStatusChanged> events = new ArrayList<>();
        for (Delivery delivery : accepted) {
            history.add(NewDeliveries.Step.first(delivery.id, DeliveryStatus.QUEUED, "requested", now));
            events.add(event(delivery, DeliveryStatus.QUEUED, now));
            if (delivery.status == DeliveryStatus.CANCELLED) {
                history.add(NewDeliveries.Step.first(delivery.id, DeliveryStatus.CANCELLED,
                        held.get(delivery.campaignId) == CampaignStateChanged.State.CANCELLED
                                ? "the campaign was cancelled" : "an earlier channel reached the recipient", now));
                events.add(event(delivery, DeliveryStatus.CANCELLED, now));
            }
        }
        newDeliveries.history(history);
        recordEvents(events, created.stream().collect(Collectors.toMap(d -> d.id, d -> d)));
        if (accepted.stream().anyMatch(d -> d.dispatch == Dispatch.READY)) {
            signal.afterCommit();
        }
        return accepted;
    }

    private Map<List<UUID>, List<Delivery>> plans(Collection<DeliveryRequested> requests) {
        Map<List<UUID>, List<Delivery>> plans = new HashMap<>();
        entityManager.createQuery("from Delivery where recipientId in :recipients and campaignId in :campaigns "
                                  + "order by fallbackStep", Delivery.class)
                .setParameter("recipients", requests.stream().map(DeliveryRequested::recipientId).distinct().toList())
                .setParameter("campaigns", requests.stream().map(DeliveryRequested::campaignId).distinct().toList())
                .getResultList()
                .forEach(d -> plans.computeIfAbsent(List.of(d.campaignId, d.recipientId), key -> new ArrayList<>())
                        .add(d));
        return plans;
    }

    private static Delivery newDelivery(DeliveryRequested request, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.requestId = request.requestId();
        delivery.campaignId = request.campaignId();
        delivery.recipientId = request.recipientId();
        delivery.channel = request.channel();
        delivery.address = request.address();
        delivery.language = request.language();
        delivery.subject = request.subject();
        delivery.body = request.body();
        delivery.priority = request.priority();
        delivery.validUntil = request.validUntil();
        delivery.fallbackStep = request.fallbackStep();
        delivery.status = DeliveryStatus.QUEUED;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        return delivery;
    }

    private static DeliveryStatusChanged event(Delivery delivery, DeliveryStatus status, Instant at) {
        return new DeliveryStatusChanged(delivery.id, delivery.requestId, delivery.campaignId, delivery.recipientId,
                delivery.channel, status, 1, null, null, at);
    }

    /**
     * Claims up to {@code limit} due deliveries of {@code channel}, most urgent first, and counts the attempt. The
     * claim is committed before the provider is called: after a crash, the lease tells what may have gone out.
     */
    @Transactional
    public List<Outgoing> claim(Channel channel, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        UPDATE delivery d SET dispatch = 'IN_FLIGHT', claimed_at = now(), attempts = d.attempts + 1
                        WHERE d.id IN (SELECT id FROM delivery r
                                       WHERE dispatch = 'READY' AND channel = ?1 AND next_attempt_at <= now()
                                         -- a step released while its campaign is held (CampaignControls)
                                         AND NOT EXISTS (SELECT 1 FROM campaign_control c
                                                         WHERE c.campaign_id = r.campaign_id AND c.state <> 'RUNNING')
                                       ORDER BY priority, next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
                        RETURNING d.id, d.address, d.language, d.subject, d.body, d.attempts, d.valid_until,
                                  d.priority, d.trace_parent""")
                .setParameter(1, channel.name())
                .setParameter(2, limit)
                .getResultList();
        List<Outgoing> claimed = new ArrayList<>(rows.size());
        // RETURNING keeps no order: the most urgent go to the provider first.
        rows.sort((a, b) -> Integer.compare(((Number) a[7]).intValue(), ((Number) b[7]).intValue()));
        for (Object[] row : rows) {
            claimed.add(new Outgoing((UUID) row[0], channel, (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], ((Number) row[5]).intValue(), instant(row[6]), ((Number) row[7]).intValue(),
                    (String) row[8]));
        }
        return claimed;
    }

    /**
     * Records the provider's answers to a batch of attempts, in one transaction of a handful of statements whatever
     * their number (see {@link #write}).
     */
    @Transactional
    public void recordResults(List<Map.Entry<Outgoing, SendResult>> results) {
        Backoff backoff = new Backoff(retryBase, retryMaxDelay, () -> ThreadLocalRandom.current().nextDouble());
        Map<UUID, Delivery> locked = newDeliveries.lock(
                results.stream().map(entry -> entry.getKey().id()).distinct().toList());
        write(StatusBatch.ofResults(locked, results, backoff, maxAttempts, Instant.now()), locked);
    }

    /**
     * Provider callbacks, in the order they arrived, in one transaction of a handful of statements whatever their
     * number: the deliveries locked (in id order, as {@link #recordResults} locks them), one update of those whose
     * status moved, one insert each for history and events, and one query for the channel plans still waiting on
     * one of them. A status never moves backwards; a callback for an unknown delivery or another message id is
     * dropped.
     */
    @Transactional
    public void recordCallbacks(List<ProviderCallback> callbacks) {
        Map<UUID, Delivery> locked = newDeliveries.lock(
                callbacks.stream().map(ProviderCallback::deliveryId).distinct().toList());
        write(StatusBatch.ofCallbacks(locked, callbacks), locked);
    }

    /**
     * Writes a batch of status changes: one update of the deliveries that changed, one insert each for history and
     * events, and one query for the channel plans still waiting on one of them. The deliveries were locked (in id
     * order, so that the answer writer and the callback writer cannot deadlock) and read by
     * {@link NewDeliveries#lock}.
     */
    private void write(StatusBatch batch, Map<UUID, Delivery> locked) {
        newDeliveries.update(batch.changed.values(), Instant.now());
        newDeliveries.history(batch.history);
        recordEvents(batch.events, locked);
        if (batch.retries) {
            signal.afterCommit();
        }
        if (batch.planActions.isEmpty()) {
            return;
        }
        // Rare (a plan of more than one channel): the entity path, for the deliveries with a step still waiting.
        Set<UUID> waiting = Set.copyOf(newDeliveries.withWaitingLaterSteps(batch.planActions.stream()
                .map(action -> locked.get(action.deliveryId())).distinct().toList()));
        for (StatusBatch.PlanAction action : batch.planActions) {
            if (!waiting.contains(action.deliveryId())) {
                continue;
            }
            Delivery delivery = entityManager.find(Delivery.class, action.deliveryId());
            if (action.step() == StatusBatch.PlanStep.CANCEL_LATER_STEPS) {
                cancelLaterSteps(delivery, action.at());
            } else {
                releaseNextStep(delivery);
            }
        }
    }

    /** Deliveries claimed longer ago than {@code lease} (a dispatcher died mid-call) become due again. */
    @Transactional
    public int recoverLeases(Duration lease) {
        int recovered = entityManager.createNativeQuery("""
                        UPDATE delivery SET dispatch = 'READY', next_attempt_at = now()
                        WHERE dispatch = 'IN_FLIGHT' AND claimed_at < now() - make_interval(secs => ?1)""")
                .setParameter(1, (double) lease.toMillis() / 1000)
                .executeUpdate();
        if (recovered > 0) {
            signal.afterCommit();
        }
        return recovered;
    }

    /**
     * Settles waiting steps whose earlier steps have all been settled in the meantime: a request accepted while an
     * earlier step's outcome was still being committed could not see it. Released if every earlier step gave up,
     * cancelled if one got through.
     *
     * @return how many waiting deliveries changed
     */
    @Transactional
    public int settleWaitingSteps() {
        @SuppressWarnings("unchecked")
        List<Delivery> waiting = entityManager.createNativeQuery(WAITING_STEPS, Delivery.class).getResultList();
        Instant now = Instant.now();
        int changed = 0;
        for (Delivery delivery : waiting) {
            List<Delivery> earlier = earlierSteps(delivery);
            if (earlier.stream().anyMatch(Deliveries::reached)) {
                entityManager.refresh(delivery, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (delivery.dispatch != Dispatch.WAITING) {
                    continue;
                }
                move(delivery, DeliveryStatus.CANCELLED, null, null, "an earlier channel reached the recipient", now);
                changed++;
            } else if (earlier.stream().allMatch(d -> gaveUp(d) || unconfirmed(d, now)
                    // Cancelled by the provider: nothing else cancels an earlier step and leaves a later one waiting
                    // (an erasure or a campaign's cancellation cancels both).
                    || d.status == DeliveryStatus.CANCELLED)) {
                // Released only if it still waits: an erasure or a campaign's cancellation may have settled it since
                // it was read (this transaction's copy is stale, and writing it back would undo that).
                int released = entityManager.createNativeQuery(
                                "UPDATE delivery SET dispatch = 'READY', next_attempt_at = ?2 WHERE id = ?1 AND dispatch = 'WAITING'")
                        .setParameter(1, delivery.id).setParameter(2, now).executeUpdate();
                if (released == 0) {
                    continue;
                }
                List<String> silent = earlier.stream().filter(d -> unconfirmed(d, now)).map(d -> d.channel.name()).toList();
                history(delivery, delivery.status, null, null, silent.isEmpty()
                        ? "fallback: every earlier channel failed"
                        : "fallback: no delivery report for " + String.join(", ", silent) + " within " + unconfirmedAfter,
                        now);
                changed++;
            }
        }
        if (changed > 0) {
            signal.afterCommit();
        }
        return changed;
    }

    /** Holds the campaign's deliveries due for sending; in the caller's transaction. */
    void holdCampaign(UUID campaignId) {
        entityManager.createNativeQuery("UPDATE delivery SET dispatch = 'PAUSED' WHERE campaign_id = ?1 AND dispatch = 'READY'")
                .setParameter(1, campaignId).executeUpdate();
    }

    /** Makes the campaign's held deliveries due again, each at the time it was due; in the caller's transaction. */
    void releaseCampaign(UUID campaignId) {
        int released = entityManager.createNativeQuery(
                        "UPDATE delivery SET dispatch = 'READY' WHERE campaign_id = ?1 AND dispatch = 'PAUSED'")
                .setParameter(1, campaignId).executeUpdate();
        if (released > 0) {
            signal.afterCommit();
        }
    }

    /**
     * Cancels every delivery of the campaign not handed to the provider (due, held, or waiting for an earlier
     * step), each with its history and its CANCELLED event, in chunks; one in flight is left to finish. In the
     * caller's transaction.
     *
     * @return how many were cancelled
     */
    int cancelCampaign(UUID campaignId) {
        int cancelled = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            @SuppressWarnings("unchecked")
            List<UUID> ids = entityManager.createNativeQuery("""
                            SELECT id FROM delivery
                            WHERE campaign_id = ?1 AND dispatch IN ('READY', 'PAUSED', 'WAITING') AND id > ?2
                            ORDER BY id LIMIT 5000""", UUID.class)
                    .setParameter(1, campaignId).setParameter(2, after).getResultList();
            if (ids.isEmpty()) {
                return cancelled;
            }
            after = ids.get(ids.size() - 1);
            Map<UUID, Delivery> locked = newDeliveries.lock(ids);
            Instant now = Instant.now();
            List<Delivery> changed = new ArrayList<>();
            List<NewDeliveries.Step> history = new ArrayList<>();
            List<DeliveryStatusChanged> events = new ArrayList<>();
            for (Delivery delivery : locked.values()) {
                if (delivery.dispatch == Dispatch.IN_FLIGHT || delivery.dispatch == Dispatch.DONE) {
                    continue;
                }
                if (advance(delivery, DeliveryStatus.CANCELLED, null, null)) {
                    changed.add(delivery);
                    history.add(NewDeliveries.Step.of(delivery, DeliveryStatus.CANCELLED, null, null,
                            "the campaign was cancelled", now));
                    events.add(statusEvent(delivery, DeliveryStatus.CANCELLED, null, now));
                }
            }
            newDeliveries.update(changed, now);
            newDeliveries.history(history);
            recordEvents(events, locked);
            cancelled += changed.size();
        }
    }

    /** Deliveries waiting to be sent (due or not) and in flight, per channel. */
    @Transactional
    public Map<Channel, Long> queueDepth() {
        // Summed per channel below: the same channel can come from both arms.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(QUEUE_DEPTH).getResultList();
        Map<Channel, Long> depth = new java.util.EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            depth.put(channel, 0L);
        }
        rows.forEach(row -> depth.merge(Channel.valueOf((String) row[0]), ((Number) row[1]).longValue(), Long::sum));
        return depth;
    }

    /** Moves the delivery to {@code status} if that is forward, with history, event and the channel plan. */
    boolean move(Delivery delivery, DeliveryStatus status, String providerId, String errorCode, String detail,
                 Instant at) {
        if (!advance(delivery, status, providerId, errorCode)) {
            return false;
        }
        record(delivery, status, providerId, errorCode, detail, at);
        if (reached(delivery)) {
            cancelLaterSteps(delivery, at);
        } else if (status.needsFallback() || status == DeliveryStatus.EXPIRED) {
            releaseNextStep(delivery);
        }
        return true;
    }

    /** Moves the delivery's fields to {@code status} if that is forward; nothing else (no history, no event). */
    static boolean advance(Delivery delivery, DeliveryStatus status, String providerId, String errorCode) {
        if (!StatusRanks.canMove(delivery.status, status)) {
            return false;
        }
        delivery.status = status;
        if (providerId != null) {
            delivery.providerId = providerId;
        }
        if (errorCode != null) {
            delivery.errorCode = errorCode;
        }
        if (status.isFinal()) {
            delivery.dispatch = Dispatch.DONE;
        }
        delivery.updatedAt = Instant.now();
        return true;
    }

    /** The event of a status the delivery has just moved to. */
    static DeliveryStatusChanged statusEvent(Delivery delivery, DeliveryStatus status, String errorCode, Instant at) {
        return new DeliveryStatusChanged(delivery.id, delivery.requestId, delivery.campaignId, delivery.recipientId,
                delivery.channel, status, Math.max(1, delivery.attempts), delivery.providerId,
                status.needsFallback() ? delivery.errorCode : errorCode, at);
    }

    private void record(Delivery delivery, DeliveryStatus status, String providerId, String errorCode, String detail,
                        Instant at) {
        history(delivery, status, providerId, errorCode, detail, at);
        outbox.record(statusEvent(delivery, status, errorCode, at), delivery.traceParent);
    }

    /**
     * A status is published in the trace of the request behind its delivery, not of whatever wrote it (a batch
     * of provider callbacks has none): the campaign's trace then follows the message back to alerts and registry.
     */
    private void recordEvents(List<DeliveryStatusChanged> events, Map<UUID, Delivery> deliveries) {
        outbox.recordAll(events, i -> {
            Delivery delivery = deliveries.get(events.get(i).deliveryId());
            return delivery == null ? null : delivery.traceParent;
        });
    }

    private static void history(Delivery delivery, DeliveryStatus status, String providerId, String errorCode,
                                String detail, Instant at) {
        DeliveryHistory entry = new DeliveryHistory();
        entry.deliveryId = delivery.id;
        entry.status = status;
        entry.attempt = delivery.attempts;
        entry.providerId = providerId;
        entry.errorCode = errorCode;
        entry.detail = abbreviate(detail);
        entry.occurredAt = at;
        entry.persist();
    }

    private List<Delivery> earlierSteps(Delivery delivery) {
        return Delivery.list("campaignId = ?1 and recipientId = ?2 and fallbackStep < ?3", delivery.campaignId,
                delivery.recipientId, delivery.fallbackStep);
    }

    private void cancelLaterSteps(Delivery reachedBy, Instant at) {
        List<Delivery> waiting = Delivery.list(
                "campaignId = ?1 and recipientId = ?2 and fallbackStep > ?3 and dispatch = ?4",
                reachedBy.campaignId, reachedBy.recipientId, reachedBy.fallbackStep, Dispatch.WAITING);
        for (Delivery later : waiting) {
            move(later, DeliveryStatus.CANCELLED, null, null,
                    "reached by " + reachedBy.channel + " (step " + reachedBy.fallbackStep + ")", at);
        }
    }

    /** The next channel of the plan: the waiting delivery with the lowest step after this one. */
    private void releaseNextStep(Delivery failed) {
        Delivery.<Delivery>find("campaignId = ?1 and recipientId = ?2 and fallbackStep > ?3 and dispatch = ?4 "
                                + "order by fallbackStep",
                        failed.campaignId, failed.recipientId, failed.fallbackStep, Dispatch.WAITING)
                .firstResultOptional()
                .ifPresent(next -> {
                    next.dispatch = Dispatch.READY;
                    next.nextAttemptAt = Instant.now();
                    next.updatedAt = Instant.now();
                    history(next, next.status, null, null,
                            "fallback after " + failed.channel + " " + failed.status + " " + failed.errorCode,
                            Instant.now());
                    signal.afterCommit();
                });
    }

    /** Whether the delivery got through: the rest of the plan is not needed. */
    static boolean reached(Delivery delivery) {
        return delivery.status.isSuccessful()
                || delivery.channel == Channel.EMAIL && delivery.status == DeliveryStatus.SENT;
    }

    /** Whether the delivery will never get through: the next step of the plan may go. */
    static boolean gaveUp(Delivery delivery) {
        return delivery.status.needsFallback() || delivery.status == DeliveryStatus.EXPIRED;
    }

    /** Sent by a channel that reports delivery, and no report for {@link #unconfirmedAfter}. */
    private boolean unconfirmed(Delivery delivery, Instant now) {
        return delivery.status == DeliveryStatus.SENT && delivery.channel != Channel.EMAIL
                && delivery.updatedAt != null && delivery.updatedAt.isBefore(now.minus(unconfirmedAfter));
    }

    static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}

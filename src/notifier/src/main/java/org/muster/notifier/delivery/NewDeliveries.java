package org.muster.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;

/**
 * Statements over many deliveries at once, each one round trip whatever the number: the deliveries of a poll of
 * requests, history rows, and the reads and writes of a batch of provider callbacks. A poll of 500 requests is two
 * round trips instead of a thousand entity inserts.
 */
@ApplicationScoped
class NewDeliveries {

    @Inject
    EntityManager entityManager;

    /** A history row. */
    record Step(UUID deliveryId, DeliveryStatus status, int attempt, String providerId, String errorCode,
                String detail, Instant occurredAt) {

        /** The first history of a new delivery: no attempt yet. */
        static Step first(UUID deliveryId, DeliveryStatus status, String detail, Instant at) {
            return new Step(deliveryId, status, 0, null, null, detail, at);
        }

        /** A status reported for {@code delivery}, at its current attempt. */
        static Step of(Delivery delivery, DeliveryStatus status, String providerId, String errorCode, String detail,
                       Instant at) {
            return new Step(delivery.id, status, delivery.attempts, providerId, errorCode,
                    Deliveries.abbreviate(detail), at);
        }
    }

    /**
     * Inserts the deliveries, skipping any whose request another transaction inserted meanwhile (two consumers
     * of one partition for a moment, around a rebalance). In request order, so that two such transactions take
     * their locks in the same order and cannot deadlock.
     *
     * @return the ids of the deliveries inserted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Set<UUID> insert(List<Delivery> deliveries) {
        List<Delivery> rows = deliveries.stream().sorted(Comparator.comparing(d -> d.requestId)).toList();
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] requestIds = new String[n];
        UUID[] campaigns = new UUID[n];
        UUID[] recipients = new UUID[n];
        String[] channels = new String[n];
        String[] addresses = new String[n];
        String[] languages = new String[n];
        String[] subjects = new String[n];
        String[] bodies = new String[n];
        Short[] priorities = new Short[n];
        String[] validUntil = new String[n];
        Integer[] steps = new Integer[n];
        String[] statuses = new String[n];
        String[] dispatch = new String[n];
        String[] traceParents = new String[n];
        for (int i = 0; i < n; i++) {
            Delivery d = rows.get(i);
            ids[i] = d.id;
            requestIds[i] = d.requestId;
            campaigns[i] = d.campaignId;
            recipients[i] = d.recipientId;
            channels[i] = d.channel.name();
            addresses[i] = d.address;
            languages[i] = d.language;
            subjects[i] = d.subject;
            bodies[i] = d.body;
            priorities[i] = (short) d.priority.ordinal();
            // As ISO text: the JDBC driver would write Timestamps in the JVM's zone, without an offset.
            validUntil[i] = d.validUntil.toString();
            steps[i] = d.fallbackStep;
            statuses[i] = d.status.name();
            dispatch[i] = d.dispatch.name();
            traceParents[i] = d.traceParent;
        }
        Timestamp now = Timestamp.from(rows.isEmpty() ? Instant.now() : rows.get(0).createdAt);
        Set<UUID> inserted = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO delivery (id, request_id, campaign_id, recipient_id, channel, address, language,
                                          subject, body, priority, valid_until, fallback_step, status, dispatch,
                                          next_attempt_at, created_at, updated_at, trace_parent)
                    SELECT i, q, c, p, ch, a, l, su, b, pr, CAST(v AS timestamptz), st, s, di, ?, ?, ?, tp
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        AS r(i, q, c, p, ch, a, l, su, b, pr, v, st, s, di, tp)
                    ON CONFLICT (request_id) DO NOTHING RETURNING id""")) {
                insert.setTimestamp(1, now);
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
                insert.setArray(4, connection.createArrayOf("uuid", ids));
                insert.setArray(5, connection.createArrayOf("text", requestIds));
                insert.setArray(6, connection.createArrayOf("uuid", campaigns));
                insert.setArray(7, connection.createArrayOf("uuid", recipients));
                insert.setArray(8, connection.createArrayOf("text", channels));
                insert.setArray(9, connection.createArrayOf("text", addresses));
                insert.setArray(10, connection.createArrayOf("text", languages));
                insert.setArray(11, connection.createArrayOf("text", subjects));
                insert.setArray(12, connection.createArrayOf("text", bodies));
                insert.setArray(13, connection.createArrayOf("int2", priorities));
                insert.setArray(14, connection.createArrayOf("text", validUntil));
                insert.setArray(15, connection.createArrayOf("int4", steps));
                insert.setArray(16, connection.createArrayOf("text", statuses));
                insert.setArray(17, connection.createArrayOf("text", dispatch));
                insert.setArray(18, connection.createArrayOf("text", traceParents));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        });
        return inserted;
    }

    /**
     * Inserts history rows, in the order given (a delivery's QUEUED before its CANCELLED). Each id straight from
     * the sequence: it steps by 50 and Hibernate uses the 50 ids below or above the value it got, so a value taken
     * here is never one of Hibernate's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void history(List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO delivery_history (id, delivery_id, status, attempt, provider_id, error_code, detail,
                                                  occurred_at)
                    SELECT nextval('delivery_history_seq'), d, s, a, p, e, t, CAST(o AS timestamptz)
                    FROM unnest(?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY AS r(d, s, a, p, e, t, o, n) ORDER BY n""")) {
                insert.setArray(1, connection.createArrayOf("uuid", steps.stream().map(Step::deliveryId).toArray(UUID[]::new)));
                insert.setArray(2, connection.createArrayOf("text",
                        steps.stream().map(step -> step.status().name()).toArray(String[]::new)));
                insert.setArray(3, connection.createArrayOf("int4", steps.stream().map(Step::attempt).toArray(Integer[]::new)));
                insert.setArray(4, connection.createArrayOf("text", steps.stream().map(Step::providerId).toArray(String[]::new)));
                insert.setArray(5, connection.createArrayOf("text", steps.stream().map(Step::errorCode).toArray(String[]::new)));
                insert.setArray(6, connection.createArrayOf("text", steps.stream().map(Step::detail).toArray(String[]::new)));
                // As ISO text: the JDBC driver would write Timestamps in the JVM's zone, without an offset.
                insert.setArray(7, connection.createArrayOf("text",
                        steps.stream().map(step -> step.occurredAt().toString()).toArray(String[]::new)));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Locks the deliveries (those that exist) in id order, so that two writers locking overlapping batches cannot
     * deadlock, and reads what a provider answer or callback needs. The entities returned are not managed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<UUID, Delivery> lock(List<UUID> ids) {
        Map<UUID, Delivery> locked = new HashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, request_id, campaign_id, recipient_id, channel, status, provider_id, error_code,
                           attempts, dispatch, fallback_step, encoding, segments, next_attempt_at, valid_until,
                           trace_parent
                    FROM delivery WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE""")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray(UUID[]::new)));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Delivery d = new Delivery();
                        d.id = rs.getObject(1, UUID.class);
                        d.requestId = rs.getString(2);
                        d.campaignId = rs.getObject(3, UUID.class);
                        d.recipientId = rs.getObject(4, UUID.class);
                        d.channel = Channel.valueOf(rs.getString(5));
                        d.status = DeliveryStatus.valueOf(rs.getString(6));
                        d.providerId = rs.getString(7);
                        d.errorCode = rs.getString(8);
                        d.attempts = rs.getInt(9);
                        d.dispatch = Dispatch.valueOf(rs.getString(10));
                        d.fallbackStep = rs.getInt(11);
                        d.encoding = rs.getString(12);
                        d.segments = rs.getObject(13, Integer.class);
                        d.nextAttemptAt = rs.getObject(14, OffsetDateTime.class).toInstant();
                        d.validUntil = rs.getObject(15, OffsetDateTime.class).toInstant();
                        d.traceParent = rs.getString(16);
                        locked.put(d.id, d);
                    }
                }
            }
        });
        return locked;
    }

    /** Writes what a status change may change of deliveries read by {@link #lock}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void update(Collection<Delivery> changed, Instant at) {
        if (changed.isEmpty()) {
            return;
        }
        List<Delivery> rows = List.copyOf(changed);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE delivery d SET status = u.s, provider_id = u.p, error_code = u.e, dispatch = u.di,
                                          encoding = u.en, segments = u.sg,
                                          next_attempt_at = CAST(u.na AS timestamptz), updated_at = ?
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?) AS u(i, s, p, e, di, en, sg, na) WHERE d.id = u.i""")) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setArray(2, connection.createArrayOf("uuid", rows.stream().map(d -> d.id).toArray(UUID[]::new)));
                update.setArray(3, connection.createArrayOf("text",
                        rows.stream().map(d -> d.status.name()).toArray(String[]::new)));
                update.setArray(4, connection.createArrayOf("text",
                        rows.stream().map(d -> d.providerId).toArray(String[]::new)));
                update.setArray(5, connection.createArrayOf("text",
                        rows.stream().map(d -> d.errorCode).toArray(String[]::new)));
                update.setArray(6, connection.createArrayOf("text",
                        rows.stream().map(d -> d.dispatch.name()).toArray(String[]::new)));
                update.setArray(7, connection.createArrayOf("text",
                        rows.stream().map(d -> d.encoding).toArray(String[]::new)));
                update.setArray(8, connection.createArrayOf("int4",
                        rows.stream().map(d -> d.segments).toArray(Integer[]::new)));
                // As ISO text: the JDBC driver would write Timestamps in the JVM's zone, without an offset.
                update.setArray(9, connection.createArrayOf("text",
                        rows.stream().map(d -> d.nextAttemptAt.toString()).toArray(String[]::new)));
                update.executeUpdate();
            }
        });
    }

    /** Of these deliveries, those whose channel plan has a later step still waiting (most plans have one step). */
    @Transactional(Transactional.TxType.MANDATORY)
    List<UUID> withWaitingLaterSteps(List<Delivery> deliveries) {
        List<UUID> found = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT r.i FROM unnest(?, ?, ?, ?) AS r(i, c, p, s)
                    WHERE EXISTS (SELECT 1 FROM delivery w
                                  WHERE w.campaign_id = r.c AND w.recipient_id = r.p AND w.fallback_step > r.s
                                    AND w.dispatch = 'WAITING')""")) {
                select.setArray(1, connection.createArrayOf("uuid", deliveries.stream().map(d -> d.id).toArray(UUID[]::new)));
                select.setArray(2, connection.createArrayOf("uuid",
                        deliveries.stream().map(d -> d.campaignId).toArray(UUID[]::new)));
                select.setArray(3, connection.createArrayOf("uuid",
                        deliveries.stream().map(d -> d.recipientId).toArray(UUID[]::new)));
                select.setArray(4, connection.createArrayOf("int4",
                        deliveries.stream().map(d -> d.fallbackStep).toArray(Integer[]::new)));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        });
        return found;
    }
}

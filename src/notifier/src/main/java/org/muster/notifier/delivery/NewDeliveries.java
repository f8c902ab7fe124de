package org.muster.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes the deliveries of a poll of requests, and their first history, one statement per table: a poll of 500
 * requests is two round trips instead of a thousand entity inserts.
 */
@ApplicationScoped
class NewDeliveries {

    @Inject
    EntityManager entityManager;

    /** A history row of a new delivery. */
    record Step(UUID deliveryId, String status, String detail) {
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
        }
        Timestamp now = Timestamp.from(rows.isEmpty() ? Instant.now() : rows.get(0).createdAt);
        Set<UUID> inserted = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO delivery (id, request_id, campaign_id, recipient_id, channel, address, language,
                                          subject, body, priority, valid_until, fallback_step, status, dispatch,
                                          next_attempt_at, created_at, updated_at)
                    SELECT i, q, c, p, ch, a, l, su, b, pr, CAST(v AS timestamptz), st, s, di, ?, ?, ?
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS r(i, q, c, p, ch, a, l, su, b, pr, v, st, s, di)
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
    void history(List<Step> steps, Instant at) {
        if (steps.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO delivery_history (id, delivery_id, status, attempt, detail, occurred_at)
                    SELECT nextval('delivery_history_seq'), d, s, 0, t, ?
                    FROM unnest(?, ?, ?) WITH ORDINALITY AS r(d, s, t, n) ORDER BY n""")) {
                insert.setTimestamp(1, Timestamp.from(at));
                insert.setArray(2, connection.createArrayOf("uuid", steps.stream().map(Step::deliveryId).toArray(UUID[]::new)));
                insert.setArray(3, connection.createArrayOf("text", steps.stream().map(Step::status).toArray(String[]::new)));
                insert.setArray(4, connection.createArrayOf("text", steps.stream().map(Step::detail).toArray(String[]::new)));
                insert.executeUpdate();
            }
        });
    }
}

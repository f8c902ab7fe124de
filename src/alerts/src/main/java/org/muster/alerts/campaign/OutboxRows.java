package org.muster.alerts.campaign;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;
import org.muster.contracts.EventCatalog;
import org.muster.contracts.EventJson;
import org.muster.contracts.EventPayload;
import org.muster.platform.outbox.OutboxRelayService;
import org.muster.platform.outbox.OutboxSlots;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes many events of one type to the platform's outbox table in one statement, in the
 * caller's transaction: the same rows {@code Outbox#record} writes one INSERT at a time (event
 * id, topic and type from the catalogue, key and subject from the event, JSON body, slot of the
 * key), which the same relay publishes. A fan-out batch of a thousand requests is one round trip
 * instead of a thousand.
 */
final class OutboxRows {

    private OutboxRows() {
    }

    static void record(EntityManager em, TransactionSynchronizationRegistry transactions, OutboxRelayService relay,
                       List<? extends EventPayload> events, Instant occurredAt) {
        if (events.isEmpty()) {
            return;
        }
        EventPayload first = events.get(0);
        String topic = EventCatalog.byClass(first.getClass()).topic();
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] keys = new String[n];
        String[] payloads = new String[n];
        Short[] slots = new Short[n];
        for (int i = 0; i < n; i++) {
            EventPayload e = events.get(i);
            ids[i] = UUID.randomUUID();
            keys[i] = e.eventKey();
            payloads[i] = EventJson.toJson(e);
            slots[i] = OutboxSlots.of(e.eventKey());
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox (event_id, topic, event_key, event_type, subject, payload, occurred_at, slot)
                    SELECT e, ?, k, ?, k, CAST(p AS jsonb), ?, s
                    FROM unnest(?, ?, ?, ?) AS t(e, k, p, s)""")) {
                insert.setString(1, topic);
                insert.setString(2, first.eventType());
                insert.setTimestamp(3, Timestamp.from(occurredAt));
                insert.setArray(4, connection.createArrayOf("uuid", ids));
                insert.setArray(5, connection.createArrayOf("text", keys));
                insert.setArray(6, connection.createArrayOf("text", payloads));
                insert.setArray(7, connection.createArrayOf("int2", slots));
                insert.executeUpdate();
            }
        });
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}

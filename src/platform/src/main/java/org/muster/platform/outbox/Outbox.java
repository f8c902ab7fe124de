package org.muster.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.muster.contracts.EventCatalog;
import org.muster.contracts.EventJson;
import org.muster.contracts.EventPayload;
import org.muster.platform.tracing.TraceParents;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Records an event in the service's outbox table, inside the caller's transaction: the event
 * exists if and only if the state change it describes was committed. The relay publishes it.
 */
@ApplicationScoped
public class Outbox {

    private static final ObjectMapper JSON = EventJson.mapper();

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelayService relay;

    /**
     * Records a catalogued event: its topic comes from {@link EventCatalog}, its key (also its
     * {@code ce_subject}) and type from the event itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventPayload event) {
        return record(event, TraceParents.current());
    }

    /**
     * Records a catalogued event that continues the trace {@code traceParent} rather than the
     * current span's: work that runs apart from the request behind it (a provider's status of a
     * message, written in a batch) names the trace it belongs to.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventPayload event, String traceParent) {
        String topic = EventCatalog.byClass(event.getClass()).topic();
        return record(topic, event.eventKey(), event.eventType(), event.eventKey(), event, traceParent);
    }

    /**
     * Records many catalogued events in one statement, in the caller's transaction: the same rows
     * {@link #record(EventPayload)} writes one INSERT at a time (topic and type from the
     * catalogue, key and subject from the event), which the same relay publishes. A fan-out batch
     * of a thousand requests is then one round trip instead of a thousand.
     *
     * @return the event ids, in the order of {@code events}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<? extends EventPayload> events) {
        String current = TraceParents.current();
        return recordAll(events, i -> current);
    }

    /**
     * As {@link #recordAll(List)}, each event continuing the trace of its own: {@code traceParents}
     * gives the {@code traceparent} of the event at each index, or null for none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<? extends EventPayload> events, IntFunction<String> traceParents) {
        if (events.isEmpty()) {
            return List.of();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        Short[] slots = new Short[n];
        String[] traces = new String[n];
        for (int i = 0; i < n; i++) {
            EventPayload event = events.get(i);
            ids[i] = UUID.randomUUID();
            topics[i] = EventCatalog.byClass(event.getClass()).topic();
            keys[i] = Objects.requireNonNull(event.eventKey(), "key");
            types[i] = event.eventType();
            payloads[i] = toJson(event);
            slots[i] = OutboxSlots.of(keys[i]);
            traces[i] = traceParents.apply(i);
        }
        Timestamp occurredAt = Timestamp.from(Instant.now());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox (event_id, topic, event_key, event_type, subject, payload, occurred_at, slot,
                                        trace_parent)
                    SELECT e, t, k, y, k, CAST(p AS jsonb), ?, s, tp
                    FROM unnest(?, ?, ?, ?, ?, ?, ?) AS rows(e, t, k, y, p, s, tp)""")) {
                insert.setTimestamp(1, occurredAt);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                insert.setArray(3, connection.createArrayOf("text", topics));
                insert.setArray(4, connection.createArrayOf("text", keys));
                insert.setArray(5, connection.createArrayOf("text", types));
                insert.setArray(6, connection.createArrayOf("text", payloads));
                insert.setArray(7, connection.createArrayOf("int2", slots));
                insert.setArray(8, connection.createArrayOf("text", traces));
                insert.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
        return List.of(ids);
    }

    /**
     * Records many catalogued events of one topic as a single outbox row, in the caller's
     * transaction. The relay publishes them in their order, one Kafka record each, with the ids
     * returned here, exactly as if each had its own row; but the database writes one row (and,
     * once relayed, updates one) instead of one per event with its index entries.
     *
     * <p>The row takes the slot of the first event's key, so the batch is ordered only with the
     * other events of that slot: use it for events whose order against other events of their
     * keys does not matter (each one a request of its own, say). Events that must keep their
     * order per key, like snapshots of a national, go through {@link #recordAll}. No service
     * writes batch rows now (alerts' fan-out publishes from its recipient rows); the relay still
     * publishes any an earlier version left pending.
     *
     * @return the event ids, in the order of {@code events}
     * @throws IllegalArgumentException when the events are not all of one topic
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordBatch(List<? extends EventPayload> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String topic = EventCatalog.byClass(events.get(0).getClass()).topic();
        List<OutboxBatch.Event> batch = new ArrayList<>(events.size());
        for (EventPayload event : events) {
            String eventTopic = EventCatalog.byClass(event.getClass()).topic();
            if (!eventTopic.equals(topic)) {
                throw new IllegalArgumentException("a batch is of one topic: " + topic + ", not " + eventTopic);
            }
            String key = Objects.requireNonNull(event.eventKey(), "key");
            batch.add(new OutboxBatch.Event(UUID.randomUUID(), key, event.eventType(), key, toJson(event)));
        }
        String firstKey = batch.get(0).key();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox (event_id, topic, event_key, event_type, occurred_at, slot, events, batch, "
                            + "trace_parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, topic);
                insert.setString(3, firstKey);
                insert.setString(4, batch.get(0).type());
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.setShort(6, OutboxSlots.of(firstKey));
                insert.setInt(7, batch.size());
                insert.setString(8, OutboxBatch.write(batch));
                insert.setString(9, TraceParents.current());
                insert.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
        return batch.stream().map(OutboxBatch.Event::id).toList();
    }

    /**
     * Records a tombstone (a null value) for {@code key} on a compacted topic: compaction then
     * removes everything the topic held for that key, as erasure requires.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID recordTombstone(String topic, String key, String type) {
        return record(topic, key, type, key, null);
    }

    /**
     * Records an event to publish on {@code topic} with Kafka key {@code key}.
     *
     * @param payload serialised as the JSON body; null publishes a tombstone (compacted topics)
     * @return the event id (the CloudEvents {@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, Object payload) {
        return record(topic, key, type, null, payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, String subject, Object payload) {
        return record(topic, key, type, subject, payload, TraceParents.current());
    }

    private UUID record(String topic, String key, String type, String subject, Object payload, String traceParent) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        OutboxEntry entry = new OutboxEntry();
        entry.eventId = UUID.randomUUID();
        entry.topic = topic;
        entry.key = key;
        entry.type = type;
        entry.subject = subject;
        entry.payload = payload == null ? null : toJson(payload);
        entry.occurredAt = Instant.now();
        entry.slot = OutboxSlots.of(key);
        entry.traceParent = traceParent;
        entityManager.persist(entry);
        wakeRelayAfterCommit();
        return entry.eventId;
    }

    private void wakeRelayAfterCommit() {
        // Polling alone would add up to one poll interval of latency to every event.
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

    private static String toJson(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}

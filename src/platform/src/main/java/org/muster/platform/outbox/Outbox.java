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
import org.muster.contracts.EventCatalog;
import org.muster.contracts.EventJson;
import org.muster.contracts.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

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
     * Records an event to publish on {@code topic} with Kafka key {@code key}.
     *
     * @param payload serialised as the JSON body; null publishes a tombstone (compacted topics)
     * @return the event id (the CloudEvents {@code ce_id})
     */
    /**
     * Records a catalogued event: its topic comes from {@link EventCatalog}, its key (also its
     * {@code ce_subject}) and type from the event itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventPayload event) {
        String topic = EventCatalog.byClass(event.getClass()).topic();
        return record(topic, event.eventKey(), event.eventType(), event.eventKey(), event);
    }

    /**
     * Records a tombstone (a null value) for {@code key} on a compacted topic: compaction then
     * removes everything the topic held for that key, as erasure requires.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID recordTombstone(String topic, String key, String type) {
        return record(topic, key, type, key, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, Object payload) {
        return record(topic, key, type, null, payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, String subject, Object payload) {
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

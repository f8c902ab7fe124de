package org.muster.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes a consumer idempotent: it records each event id it applies in its own schema, in the
 * same transaction as the effect. Kafka delivers at least once; a redelivered event finds its id
 * already there and is skipped.
 *
 * <pre>{@code
 * @Incoming("delivery-events") @Transactional
 * void on(ConsumerRecord<String, String> record) {
 *     IncomingEvent event = IncomingEvent.of(record);
 *     if (!processed.firstTime("welfare", event.id())) return;
 *     ... apply the effect ...
 * }
 * }</pre>
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /**
     * Records that {@code consumer} applies {@code eventId} now.
     *
     * @return true the first time; false if this consumer already applied the event, in which
     *         case the caller must not apply it again
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, String eventId) {
        int inserted = entityManager.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }

    /** Forgets ids older than the given number of days: redeliveries never come that late. */
    @Transactional
    public int forgetOlderThanDays(int days) {
        return entityManager.createNativeQuery(
                        "DELETE FROM processed_event WHERE processed_at < now() - make_interval(days => ?1)")
                .setParameter(1, days)
                .executeUpdate();
    }
}

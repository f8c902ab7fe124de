package org.muster.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Makes a consumer idempotent: it records each event id it applies in its own schema, in the
 * same transaction as the effect. Kafka delivers at least once; a redelivered event finds its id
 * already there and is skipped.
 *
 * <p>A consumer calls it inside {@link InboxTransactions#apply}, which gives the transaction
 * and waits out an unreachable database.
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

    /**
     * The same for a batch of events applied in one transaction (a consumer in batch mode): records
     * every id with one statement.
     *
     * @return the ids applied for the first time; an id twice in {@code eventIds} is in it once
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstTime(String consumer, Collection<String> eventIds) {
        // Sorted, so that two consumers recording the same ids (a zombie after a rebalance) take
        // their locks in the same order and cannot deadlock.
        String[] ids = eventIds.stream().distinct().sorted().toArray(String[]::new);
        Set<String> inserted = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (consumer, event_id)
                    SELECT ?, e FROM unnest(?) AS ids(e)
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", ids));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getString(1));
                    }
                }
            }
        });
        return inserted;
    }
}

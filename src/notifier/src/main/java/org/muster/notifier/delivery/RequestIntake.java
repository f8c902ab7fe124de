package org.muster.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.muster.contracts.alerts.DeliveryRequested;

/**
 * Takes in the valid requests of one poll in one transaction: the inbox (event ids) and the deliveries, each
 * written with one statement for the whole poll rather than one per request.
 */
@ApplicationScoped
public class RequestIntake {

    static final String CONSUMER = "notifier-requests";

    @Inject
    EntityManager entityManager;

    @Inject
    Deliveries deliveries;

    /** A request as read from Kafka, with the event id it came under. */
    public record Incoming(String eventId, DeliveryRequested request) {
    }

    /** Accepts the requests whose event ids this consumer has not applied yet, in their order. */
    @Transactional
    public void accept(List<Incoming> incoming) {
        if (incoming.isEmpty()) {
            return;
        }
        Set<String> fresh = firstTime(incoming.stream().map(Incoming::eventId).toList());
        List<DeliveryRequested> requests = new ArrayList<>(fresh.size());
        for (Incoming next : incoming) {
            // remove: an event delivered twice within one poll is applied once.
            if (fresh.remove(next.eventId())) {
                requests.add(next.request());
            }
        }
        deliveries.acceptAll(requests);
    }

    /**
     * The batch form of the platform's {@code ProcessedEvents.firstTime}, on its table: records every id at once
     * and returns those not recorded before. Sorted, so that two consumers inserting the same ids (a zombie
     * after a rebalance) take their locks in the same order and cannot deadlock.
     */
    private Set<String> firstTime(List<String> eventIds) {
        String[] ids = eventIds.stream().distinct().sorted().toArray(String[]::new);
        Set<String> inserted = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (consumer, event_id)
                    SELECT ?, e FROM unnest(?) AS ids(e)
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setString(1, CONSUMER);
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

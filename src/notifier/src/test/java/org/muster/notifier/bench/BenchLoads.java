package org.muster.notifier.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.notifier.delivery.Deliveries;

/** Queues requests as the consumer does (same transaction work), without waiting for Kafka. */
@ApplicationScoped
public class BenchLoads {

    @Inject
    Deliveries deliveries;

    @Inject
    EntityManager entityManager;

    @Transactional
    public void accept(List<DeliveryRequested> requests) {
        deliveries.acceptAll(requests);
    }

    /*
     * The bench polls these ten times a second while notifier works: they read the run's own
     * deliveries (delivery_campaign), not the whole table, which cost PostgreSQL about a second of
     * CPU per 6,000-message run.
     */
    @Transactional
    public long pending(UUID campaign) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM delivery WHERE campaign_id = ?1 AND dispatch IN ('READY', 'IN_FLIGHT')")
                .setParameter(1, campaign).getSingleResult()).longValue();
    }

    /** Sent but without their final status callback written yet. */
    @Transactional
    public long awaitingDelivered(UUID campaign) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM delivery WHERE campaign_id = ?1 AND status IN ('QUEUED', 'SENT')")
                .setParameter(1, campaign).getSingleResult()).longValue();
    }

    @Transactional
    public long refusedWith429() {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM delivery_history WHERE error_code = '20429'").getSingleResult()).longValue();
    }
}

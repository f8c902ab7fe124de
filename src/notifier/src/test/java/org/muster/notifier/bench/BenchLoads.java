package org.muster.notifier.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
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

    @Transactional
    public long pending() {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM delivery WHERE dispatch IN ('READY', 'IN_FLIGHT')").getSingleResult()).longValue();
    }

    /** Sent but without their final status callback written yet. */
    @Transactional
    public long awaitingDelivered() {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM delivery WHERE status IN ('QUEUED', 'SENT')").getSingleResult()).longValue();
    }

    @Transactional
    public long refusedWith429() {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM delivery_history WHERE error_code = '20429'").getSingleResult()).longValue();
    }
}

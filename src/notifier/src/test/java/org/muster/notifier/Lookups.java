package org.muster.notifier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.muster.notifier.delivery.Delivery;
import org.muster.notifier.delivery.DeliveryHistory;
import org.muster.notifier.replies.Reply;

/** Reads for tests, each in a transaction of its own (Awaitility polls from threads without a request). */
@ApplicationScoped
public class Lookups {

    @Transactional
    public Delivery delivery(String requestId) {
        return Delivery.find("requestId", requestId).firstResult();
    }

    @Transactional
    public long deliveries(String requestId) {
        return Delivery.count("requestId", requestId);
    }

    @Transactional
    public List<DeliveryHistory> history(UUID deliveryId) {
        return DeliveryHistory.list("deliveryId = ?1 order by occurredAt, id", deliveryId);
    }

    @Transactional
    public List<Reply> repliesFrom(String from) {
        return Reply.list("fromAddress = ?1 order by receivedAt", from);
    }
}

package org.muster.alerts.campaign;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.muster.contracts.EventJson;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.common.ReplyKeyword;
import org.muster.contracts.notifier.DeliveryStatusChanged;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.platform.inbox.IncomingEvent;
import org.muster.platform.inbox.ProcessedEvents;

/**
 * Campaign progress from notifier's {@code muster.delivery.events}: the last status of each
 * request, and SAFE / HELP answers per recipient. Each event applies once. A status never goes
 * back: a late SENT does not undo DELIVERED (statuses are ranked, see {@link #rank}).
 */
@ApplicationScoped
public class DeliveryProgress {

    static final String CONSUMER = "alerts-progress";

    @Inject
    EntityManager entityManager;

    @Inject
    ProcessedEvents processed;

    @Incoming("delivery-events")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        IncomingEvent event = IncomingEvent.of(record);
        if (DeliveryStatusChanged.TYPE.equals(event.type())) {
            if (processed.firstTime(CONSUMER, event.id())) {
                status(EventJson.fromJson(event.data(), DeliveryStatusChanged.class));
            }
        } else if (ReplyReceived.TYPE.equals(event.type())) {
            if (processed.firstTime(CONSUMER, event.id())) {
                reply(EventJson.fromJson(event.data(), ReplyReceived.class));
            }
        }
    }

    private void status(DeliveryStatusChanged e) {
        if (e.requestId() == null) {
            return;
        }
        entityManager.createNativeQuery("""
                        UPDATE campaign_delivery SET status = ?2, status_at = ?3
                        WHERE request_id = ?1 AND (CASE status WHEN 'REQUESTED' THEN 0 WHEN 'QUEUED' THEN 1 WHEN 'SENT' THEN 2
                            WHEN 'READ' THEN 4 ELSE 3 END) < ?4""")
                .setParameter(1, e.requestId()).setParameter(2, e.status().name())
                .setParameter(3, e.occurredAt()).setParameter(4, rank(e.status()))
                .executeUpdate();
    }

    /** Queued before sent before an outcome; READ is the only thing after DELIVERED. */
    static int rank(DeliveryStatus status) {
        return switch (status) {
            case QUEUED -> 1;
            case SENT -> 2;
            case READ -> 4;
            default -> 3;
        };
    }

    private void reply(ReplyReceived e) {
        if (e.campaignId() == null || e.recipientId() == null
                || (e.keyword() != ReplyKeyword.SAFE && e.keyword() != ReplyKeyword.HELP)) {
            return;
        }
        entityManager.createNativeQuery("UPDATE campaign_recipient SET reply = ?3 WHERE campaign_id = ?1 AND national_id = ?2")
                .setParameter(1, e.campaignId()).setParameter(2, e.recipientId()).setParameter(3, e.keyword().name())
                .executeUpdate();
    }
}

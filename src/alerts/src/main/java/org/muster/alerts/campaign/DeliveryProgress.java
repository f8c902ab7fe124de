package org.muster.alerts.campaign;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.muster.contracts.EventJson;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.common.ReplyKeyword;
import org.muster.contracts.notifier.DeliveryStatusChanged;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.platform.inbox.InboxTransactions;
import org.muster.platform.inbox.IncomingEvent;
import org.muster.platform.inbox.ProcessedEvents;

/**
 * Campaign progress from notifier's {@code muster.delivery.events}: the last status of each
 * request (its {@code campaign_delivery} row, written with the first status), and SAFE / HELP answers per recipient. Each event applies once. A status never goes
 * back: a late SENT does not undo DELIVERED (statuses are ranked, see {@link #rank}).
 */
@ApplicationScoped
public class DeliveryProgress {

    static final String CONSUMER = "alerts-progress";

    @Inject
    InboxTransactions inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    ProcessedEvents processed;

    @Incoming("delivery-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        IncomingEvent event = IncomingEvent.of(record);
        if (DeliveryStatusChanged.TYPE.equals(event.type())) {
            DeliveryStatusChanged change = EventJson.fromJson(event.data(), DeliveryStatusChanged.class);
            inbox.apply(CONSUMER, () -> {
                if (processed.firstTime(CONSUMER, event.id())) {
                    status(change);
                }
            });
        } else if (ReplyReceived.TYPE.equals(event.type())) {
            ReplyReceived answer = EventJson.fromJson(event.data(), ReplyReceived.class);
            inbox.apply(CONSUMER, () -> {
                if (processed.firstTime(CONSUMER, event.id())) {
                    reply(answer);
                }
            });
        }
    }

    /**
     * The request's row comes with its first status (the fan-out writes none): region and step
     * from the recipient and the campaign's plan. A later status replaces it only if it ranks higher.
     */
    private void status(DeliveryStatusChanged e) {
        if (e.requestId() == null || e.campaignId() == null || e.recipientId() == null || e.channel() == null) {
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO campaign_delivery (request_id, campaign_id, national_id, channel, step, region, status, status_at)
                        SELECT ?1, r.campaign_id, r.national_id, c.channel, array_position(p.channels, c.channel) - 1, r.region, ?2, ?3
                        FROM campaign_recipient r JOIN campaign p ON p.id = r.campaign_id, (SELECT CAST(?5 AS text) AS channel) c
                        WHERE r.campaign_id = ?6 AND r.national_id = ?7 AND c.channel = ANY(p.channels)
                        ON CONFLICT (request_id) DO UPDATE SET status = excluded.status, status_at = excluded.status_at
                        WHERE (CASE campaign_delivery.status WHEN 'REQUESTED' THEN 0 WHEN 'QUEUED' THEN 1 WHEN 'SENT' THEN 2
                            WHEN 'READ' THEN 4 ELSE 3 END) < ?4""")
                .setParameter(1, e.requestId()).setParameter(2, e.status().name())
                .setParameter(3, e.occurredAt()).setParameter(4, rank(e.status()))
                .setParameter(5, e.channel().name()).setParameter(6, e.campaignId()).setParameter(7, e.recipientId())
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
        entityManager.createNativeQuery(
                        "UPDATE campaign_recipient SET reply = ?3, reply_channel = ?4 WHERE campaign_id = ?1 AND national_id = ?2")
                .setParameter(1, e.campaignId()).setParameter(2, e.recipientId()).setParameter(3, e.keyword().name())
                .setParameter(4, e.channel() == null ? null : e.channel().name())
                .executeUpdate();
    }
}

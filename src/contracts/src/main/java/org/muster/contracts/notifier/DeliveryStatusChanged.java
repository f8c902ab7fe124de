package org.muster.contracts.notifier;

import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.EventPayload;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;

/**
 * A delivery's status changed: notifier queued it, handed it to the provider, or the provider
 * reported its outcome. Key {@link #recipientId()}.
 *
 * @param deliveryId notifier's id of the delivery (one per request)
 * @param requestId the {@link org.muster.contracts.alerts.DeliveryRequested#requestId()} it fulfils
 * @param campaignId the campaign
 * @param recipientId national id of the recipient, the Kafka key
 * @param channel the channel
 * @param status the new status
 * @param attempt sending attempt the status belongs to, 1 first
 * @param providerId the provider's message id (Twilio SID, SMTP Message-ID), once sent
 * @param errorCode provider error code ({@code 30003}) or Muster's ({@code OPTED_OUT}), for failures
 * @param occurredAt when the status changed (the provider's time for callbacks)
 */
public record DeliveryStatusChanged(
        UUID deliveryId,
        String requestId,
        UUID campaignId,
        UUID recipientId,
        Channel channel,
        DeliveryStatus status,
        int attempt,
        String providerId,
        String errorCode,
        Instant occurredAt) implements EventPayload {

    public static final String TYPE = "org.muster.notifier.DeliveryStatusChanged.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventKey() {
        return recipientId.toString();
    }

    @Override
    public Instant eventTime() {
        return occurredAt;
    }
}

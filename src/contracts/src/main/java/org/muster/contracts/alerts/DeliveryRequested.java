package org.muster.contracts.alerts;

import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.EventPayload;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;

/**
 * Alerts asked for one message to one recipient on one channel: on
 * {@code muster.delivery.requests}, key {@link #recipientId()}.
 *
 * @param requestId idempotency key {@code <campaignId>:<recipientId>:<channel>}, see {@link #requestIdOf}
 * @param campaignId the campaign
 * @param recipientId the national
 * @param channel the channel to use
 * @param address E.164 number, or e-mail address for {@link Channel#EMAIL}
 * @param language BCP 47 tag of the body
 * @param subject e-mail subject; only for {@link Channel#EMAIL}
 * @param body the rendered text
 * @param priority dispatch priority
 * @param validUntil do not send after this instant
 * @param fallbackStep index of this channel in the campaign's channel plan, 0 = first
 * @param occurredAt when alerts issued the request
 */
public record DeliveryRequested(
        String requestId,
        UUID campaignId,
        UUID recipientId,
        Channel channel,
        String address,
        String language,
        String subject,
        String body,
        DeliveryPriority priority,
        Instant validUntil,
        int fallbackStep,
        Instant occurredAt) implements EventPayload {

    public static final String TYPE = "org.muster.alerts.DeliveryRequested.v1";

    /** The idempotency key of the request for {@code recipientId} on {@code channel} in {@code campaignId}. */
    public static String requestIdOf(UUID campaignId, UUID recipientId, Channel channel) {
        return campaignId + ":" + recipientId + ":" + channel.name();
    }

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

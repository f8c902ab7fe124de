package org.muster.notifier.delivery;

import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.common.Channel;

/**
 * What a sender needs of a claimed delivery; {@code attempt} is the one being made, 1 first; {@code priority} the
 * ordinal of its {@code DeliveryPriority}, lowest most urgent; {@code traceParent} the W3C trace context of its
 * request (null when it came without one), which the provider call continues.
 */
public record Outgoing(UUID id, Channel channel, String address, String language, String subject, String body,
                       int attempt, Instant validUntil, int priority, String traceParent) {
}

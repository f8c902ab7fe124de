package org.muster.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row as the relay reads it.
 *
 * @param traceParent the W3C trace context the event continues, or null
 */
public record OutboxRecord(long id, UUID eventId, String topic, String key, String type, String subject,
                           String payload, Instant occurredAt, String traceParent) {
}

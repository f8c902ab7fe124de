package org.muster.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row as the relay reads it. */
public record OutboxRecord(long id, UUID eventId, String topic, String key, String type, String subject,
                           String payload, Instant occurredAt) {
}

package org.muster.contracts;

import java.time.Instant;

/**
 * An event payload: a record stating a past business fact, carried as the JSON body of a
 * binary-mode CloudEvent. Each implementation declares {@code public static final String TYPE}
 * (its CloudEvents type) and is listed in {@link EventCatalog} with its topic and JSON Schema.
 *
 * <p>The three methods below are not serialized (they are not record components); they give a
 * producer (typically the outbox) what it needs to build the Kafka record.
 */
public interface EventPayload {

    /** The CloudEvents type ({@code ce_type}), the class's {@code TYPE} constant. */
    String eventType();

    /** The Kafka key and {@code ce_subject}: the id of the aggregate the event is about. */
    String eventKey();

    /** When the fact occurred ({@code ce_time}). */
    Instant eventTime();
}

package org.muster.contracts;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Kafka topic names. Keys are UTF-8 strings (the aggregate id, see each payload's
 * {@link EventPayload#eventKey()}); values are JSON bodies of binary-mode CloudEvents.
 */
public final class Topics {

    /**
     * Audience snapshots of nationals, published by registry. <strong>Compacted</strong>
     * ({@code cleanup.policy=compact}), key national id: the latest record per key is the current
     * snapshot; a tombstone (null value, same key) means the national was erased and every
     * projection must delete its copy.
     */
    public static final String REGISTRY_NATIONALS = "muster.registry.nationals";

    /** Travel advisories, published by alerts, key advisory id. */
    public static final String ALERTS_ADVISORIES = "muster.alerts.advisories";

    /**
     * One delivery request per recipient and channel, published by alerts, key recipient (national) id; and
     * the campaigns' pauses, resumptions and cancellations for notifier, key campaign id.
     */
    public static final String DELIVERY_REQUESTS = "muster.delivery.requests";

    /** Delivery status changes and inbound replies, published by notifier, key recipient (national) id. */
    public static final String DELIVERY_EVENTS = "muster.delivery.events";

    /** Flights and manifest entries, published by evacuation, key flight id. */
    public static final String EVACUATION_MANIFESTS = "muster.evacuation.manifests";

    /** Seat requests from partner embassies, published by partners, key seat request id. */
    public static final String PARTNERS_REQUESTS = "muster.partners.requests";

    /** Suffix of every dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** Every event topic, in the order of the data flow. Dead-letter topics are not listed. */
    public static final List<String> ALL = List.of(
            REGISTRY_NATIONALS,
            ALERTS_ADVISORIES,
            DELIVERY_REQUESTS,
            DELIVERY_EVENTS,
            EVACUATION_MANIFESTS,
            PARTNERS_REQUESTS);

    /** Topics created with {@code cleanup.policy=compact}; all others use {@code delete}. */
    public static final Set<String> COMPACTED = Set.of(REGISTRY_NATIONALS);

    private Topics() {
    }

    /**
     * The dead-letter topic of {@code topic}: {@code <topic>.dlq}. A consumer that cannot process
     * a record (unparseable body, unknown type, schema violation, or a failure that retrying will
     * not fix) forwards it there unchanged: same key, value and {@code ce_*} headers, plus the
     * consumer framework's {@code dead-letter-*} headers describing the failure.
     *
     * @throws IllegalArgumentException if {@code topic} is blank or already a dead-letter topic
     */
    public static String deadLetter(String topic) {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic is blank");
        }
        if (isDeadLetter(topic)) {
            throw new IllegalArgumentException("already a dead-letter topic: " + topic);
        }
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Whether {@code topic} follows the dead-letter naming convention. */
    public static boolean isDeadLetter(String topic) {
        return topic != null && topic.endsWith(DEAD_LETTER_SUFFIX);
    }

    /** Whether {@code topic} is compacted. */
    public static boolean isCompacted(String topic) {
        return COMPACTED.contains(topic);
    }
}

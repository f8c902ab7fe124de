package org.muster.contracts.alerts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.muster.contracts.EventPayload;
import org.muster.contracts.common.AdvisoryAction;
import org.muster.contracts.common.AdvisoryLevel;
import org.muster.contracts.common.AdvisoryStatus;

/**
 * An advisory, or a new version of one, was published: on {@code muster.alerts.advisories},
 * key {@link #advisoryId()}.
 *
 * @param advisoryId the advisory, stable across versions
 * @param version 1 for the first publication, then incremented
 * @param country ISO 3166-1 alpha-2 code of the country concerned
 * @param level how serious
 * @param action what people are told to do
 * @param regions ISO 3166-2 codes of the regions concerned
 * @param texts text per BCP 47 language tag
 * @param effectiveAt from when it applies
 * @param expiresAt until when it applies; null when open-ended
 * @param supersedes the advisory this one replaces; null when none
 * @param status actual, exercise or test
 * @param occurredAt when this version was published
 */
public record AdvisoryPublished(
        UUID advisoryId,
        int version,
        String country,
        AdvisoryLevel level,
        AdvisoryAction action,
        List<String> regions,
        Map<String, Text> texts,
        Instant effectiveAt,
        Instant expiresAt,
        UUID supersedes,
        AdvisoryStatus status,
        Instant occurredAt) implements EventPayload {

    public static final String TYPE = "org.muster.alerts.AdvisoryPublished.v1";

    /** Null collections become empty; collections are immutable copies, texts keep their order. */
    public AdvisoryPublished {
        regions = regions == null ? List.of() : List.copyOf(regions);
        texts = texts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /**
     * The advisory in one language.
     *
     * @param headline short title
     * @param body the advisory text
     * @param instruction what to do; null when none
     */
    public record Text(String headline, String body, String instruction) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventKey() {
        return advisoryId.toString();
    }

    @Override
    public Instant eventTime() {
        return occurredAt;
    }
}

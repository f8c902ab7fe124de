package org.muster.alerts.advisory;

import org.muster.contracts.common.AdvisoryAction;
import org.muster.contracts.common.AdvisoryLevel;
import org.muster.contracts.common.AdvisoryStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An advisory as the API shows it: its state and one of its versions. */
public record AdvisoryView(UUID id, Advisory.State state, UUID supersededBy, int currentVersion, int version,
                           AdvisoryVersion.Change change, String country, AdvisoryLevel level, AdvisoryAction action,
                           AdvisoryStatus status, List<String> regions, List<Area> areas,
                           Map<String, AdvisoryRequest.Text> texts, Instant effectiveAt, Instant expiresAt,
                           UUID supersedes, String publishedBy, Instant publishedAt) {

    public static AdvisoryView of(Advisory advisory, AdvisoryVersion v) {
        Map<String, AdvisoryRequest.Text> texts = new LinkedHashMap<>();
        v.texts.forEach(t -> texts.put(t.language, new AdvisoryRequest.Text(t.headline, t.body, t.instruction)));
        return new AdvisoryView(advisory.id, advisory.state, advisory.supersededBy, advisory.currentVersion, v.version,
                v.change, v.country, v.level, v.action, v.status, List.copyOf(v.regions), List.copyOf(v.areas), texts,
                v.effectiveAt, v.expiresAt, v.supersedes, v.publishedBy, v.publishedAt);
    }
}

package org.muster.alerts.advisory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.muster.contracts.alerts.AdvisoryPublished;
import org.muster.contracts.common.AdvisoryStatus;
import org.muster.platform.outbox.Outbox;
import org.muster.platform.problem.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues, updates, cancels and supersedes advisories. Every change writes a new version (none is
 * ever overwritten) and records its {@link AdvisoryPublished} in the outbox in the same
 * transaction. A cancelled or superseded advisory gets a last version whose validity ends at
 * the moment of the change: that is how consumers of the event learn it no longer applies.
 */
@ApplicationScoped
public class Advisories {

    @Inject
    Outbox outbox;

    @Transactional
    public AdvisoryView issue(AdvisoryRequest request, String officer) {
        AdvisoryRequest checked = AdvisoryRules.checked(request);
        Instant now = now();
        Advisory advisory = new Advisory();
        advisory.id = UUID.randomUUID();
        advisory.state = Advisory.State.ACTIVE;
        advisory.createdBy = officer;
        advisory.createdAt = now;
        return publish(advisory, versionFrom(checked, null), AdvisoryVersion.Change.ISSUED, officer, now);
    }

    @Transactional
    public AdvisoryView update(UUID id, AdvisoryRequest request, String officer) {
        AdvisoryRequest checked = AdvisoryRules.checked(request);
        Advisory advisory = activeForChange(id);
        AdvisoryVersion current = AdvisoryVersion.find(id, advisory.currentVersion);
        return publish(advisory, versionFrom(checked, current.supersedes), AdvisoryVersion.Change.UPDATED, officer, now());
    }

    @Transactional
    public AdvisoryView cancel(UUID id, String officer) {
        Advisory advisory = activeForChange(id);
        Instant now = now();
        AdvisoryVersion last = endedCopy(AdvisoryVersion.find(id, advisory.currentVersion), now);
        advisory.state = Advisory.State.CANCELLED;
        return publish(advisory, last, AdvisoryVersion.Change.CANCELLED, officer, now);
    }

    /** A new advisory replaces {@code id}, which ends now. Answers the new advisory. */
    @Transactional
    public AdvisoryView supersede(UUID id, AdvisoryRequest request, String officer) {
        AdvisoryRequest checked = AdvisoryRules.checked(request);
        Advisory old = activeForChange(id);
        Instant now = now();
        Advisory replacement = new Advisory();
        replacement.id = UUID.randomUUID();
        replacement.state = Advisory.State.ACTIVE;
        replacement.createdBy = officer;
        replacement.createdAt = now;
        old.state = Advisory.State.SUPERSEDED;
        old.supersededBy = replacement.id;
        publish(old, endedCopy(AdvisoryVersion.find(id, old.currentVersion), now), AdvisoryVersion.Change.SUPERSEDED,
                officer, now);
        return publish(replacement, versionFrom(checked, id), AdvisoryVersion.Change.ISSUED, officer, now);
    }

    public AdvisoryView get(UUID id) {
        Advisory advisory = Advisory.findById(id);
        if (advisory == null) {
            throw ProblemException.notFound("No advisory " + id);
        }
        return AdvisoryView.of(advisory, AdvisoryVersion.find(id, advisory.currentVersion));
    }

    public AdvisoryView get(UUID id, int version) {
        Advisory advisory = Advisory.findById(id);
        AdvisoryVersion v = advisory == null ? null : AdvisoryVersion.find(id, version);
        if (v == null) {
            throw ProblemException.notFound("No version " + version + " of advisory " + id);
        }
        return AdvisoryView.of(advisory, v);
    }

    public List<AdvisoryView> versions(UUID id) {
        Advisory advisory = Advisory.findById(id);
        if (advisory == null) {
            throw ProblemException.notFound("No advisory " + id);
        }
        return AdvisoryVersion.of(id).stream().map(v -> AdvisoryView.of(advisory, v)).toList();
    }

    /** Advisories in force at {@code at}: active, effective, not expired; the most severe first. */
    public List<AdvisoryView> current(Instant at) {
        List<Advisory> active = Advisory.list("state", Advisory.State.ACTIVE);
        return active.stream()
                .map(a -> AdvisoryView.of(a, AdvisoryVersion.find(a.id, a.currentVersion)))
                .filter(v -> !v.effectiveAt().isAfter(at) && (v.expiresAt() == null || v.expiresAt().isAfter(at)))
                .sorted(java.util.Comparator.comparing(AdvisoryView::level).reversed()
                        .thenComparing(AdvisoryView::publishedAt, java.util.Comparator.reverseOrder()))
                .toList();
    }

    private Advisory activeForChange(UUID id) {
        // The row lock serialises changes to one advisory: versions stay gapless and in order.
        Advisory advisory = Advisory.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (advisory == null) {
            throw ProblemException.notFound("No advisory " + id);
        }
        if (advisory.state != Advisory.State.ACTIVE) {
            throw ProblemException.conflict("advisory-closed", "The advisory is closed",
                    "Advisory " + id + " is " + advisory.state.name().toLowerCase() + "; it cannot change any more");
        }
        return advisory;
    }

    private AdvisoryView publish(Advisory advisory, AdvisoryVersion v, AdvisoryVersion.Change change, String officer,
                                 Instant now) {
        advisory.currentVersion = advisory.currentVersion + 1;
        advisory.updatedAt = now;
        v.id = UUID.randomUUID();
        v.advisoryId = advisory.id;
        v.version = advisory.currentVersion;
        v.change = change;
        v.publishedBy = officer;
        v.publishedAt = now;
        advisory.persist();
        v.persist();
        outbox.record(eventOf(v));
        return AdvisoryView.of(advisory, v);
    }

    static AdvisoryPublished eventOf(AdvisoryVersion v) {
        Map<String, AdvisoryPublished.Text> texts = new LinkedHashMap<>();
        v.texts.forEach(t -> texts.put(t.language, new AdvisoryPublished.Text(t.headline, t.body, t.instruction)));
        return new AdvisoryPublished(v.advisoryId, v.version, v.country, v.level, v.action, v.regions, texts,
                v.effectiveAt, v.expiresAt, v.supersedes, v.status, v.publishedAt);
    }

    private static AdvisoryVersion versionFrom(AdvisoryRequest r, UUID supersedes) {
        AdvisoryVersion v = new AdvisoryVersion();
        v.country = r.country();
        v.level = r.level();
        v.action = r.action();
        v.status = r.status() == null ? AdvisoryStatus.ACTUAL : r.status();
        v.regions = new ArrayList<>(r.regions());
        v.areas = new ArrayList<>(r.areas());
        r.texts().forEach((language, t) -> v.texts.add(new AdvisoryText(language, t.headline(), t.body(), t.instruction())));
        v.effectiveAt = r.effectiveAt().truncatedTo(ChronoUnit.SECONDS);
        v.expiresAt = r.expiresAt() == null ? null : r.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        v.supersedes = supersedes;
        return v;
    }

    private static AdvisoryVersion endedCopy(AdvisoryVersion from, Instant now) {
        AdvisoryVersion v = new AdvisoryVersion();
        v.country = from.country;
        v.level = from.level;
        v.action = from.action;
        v.status = from.status;
        v.regions = new ArrayList<>(from.regions);
        v.areas = new ArrayList<>(from.areas);
        from.texts.forEach(t -> v.texts.add(new AdvisoryText(t.language, t.headline, t.body, t.instruction)));
        v.effectiveAt = from.effectiveAt.isAfter(now) ? now.minusSeconds(1) : from.effectiveAt;
        v.expiresAt = now;
        v.supersedes = from.supersedes;
        return v;
    }

    /** Whole seconds: CAP date-times carry no fractions. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}

package org.muster.registry.national;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.platform.outbox.Outbox;

import java.time.Instant;

/**
 * Publishes the audience snapshot of a national on {@code muster.registry.nationals} through the
 * outbox, after every change: the other services keep their own projection of it.
 */
@ApplicationScoped
public class NationalSnapshots {

    @Inject
    Outbox outbox;

    /** Call inside the transaction of the change, after the change. */
    public void publish(National national) {
        // Flush first, so that the snapshot carries the version the change is committed with.
        National.getEntityManager().flush();
        outbox.record(snapshotOf(national, Instant.now()));
    }

    /**
     * {@link #publish(National)} for many people changed in one transaction: one flush, and
     * their snapshots written to the outbox in one statement. People are written apart from the
     * requests that asked for them (households written in groups), so each snapshot continues
     * the trace of its own request: {@code traceParents} gives it at the person's index (null for
     * none).
     */
    public void publishAll(java.util.List<National> nationals, java.util.List<String> traceParents) {
        National.getEntityManager().flush();
        Instant now = Instant.now();
        outbox.recordAll(nationals.stream().map(n -> snapshotOf(n, now)).toList(), traceParents::get);
    }

    /** Publishes a tombstone: compaction then drops the person from the topic, and consumers forget them. */
    public void erased(java.util.UUID nationalId) {
        outbox.recordTombstone(org.muster.contracts.Topics.REGISTRY_NATIONALS, nationalId.toString(),
                NationalSnapshot.ERASED_TYPE);
    }

    /**
     * Never carries identity document numbers: other services have no need of them. The
     * snapshot's version counts from 1 (the record's optimistic-lock version counts from 0), so
     * a consumer keeps the snapshot with the highest version.
     */
    public static NationalSnapshot snapshotOf(National n, Instant at) {
        return new NationalSnapshot(n.id, n.householdId, n.nationality, n.preferredLanguage,
                new NationalSnapshot.Location(n.locationCountry, n.locationRegion, n.locationCity),
                n.contactPoints.stream().map(c -> new NationalSnapshot.ContactPoint(c.channel, c.address, c.verified,
                        c.optedOut, c.preference)).toList(),
                n.vulnerabilities.stream().map(Vulnerability::valueOf).toList(),
                n.welfareStatus, n.evacuationStatus, n.displayName(), n.version + 1, at);
    }
}

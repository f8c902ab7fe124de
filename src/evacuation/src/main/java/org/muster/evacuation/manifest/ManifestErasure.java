package org.muster.evacuation.manifest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.muster.contracts.common.ManifestStatus;
import org.muster.evacuation.audit.AuditLog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Registry erased a person: their manifest entries lose every personal detail, and a seat they
 * hold (not yet boarded) is given back. The entries themselves stay, nameless, so that seat
 * counts and the audit of who did what remain true.
 */
@ApplicationScoped
public class ManifestErasure {

    static final String ACTOR = "registry-erasure";

    @Inject
    ManifestEvents events;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID nationalId) {
        List<ManifestEntry> entries = ManifestEntry.list("nationalId", nationalId);
        if (entries.isEmpty()) {
            return;
        }
        audit.clearDetails(nationalId);
        for (ManifestEntry e : entries) {
            boolean releases = e.status.holdsSeat() && e.status != ManifestStatus.BOARDED;
            if (releases) {
                e.status = e.status == ManifestStatus.CHECKED_IN ? ManifestStatus.OFFLOADED : ManifestStatus.CANCELLED;
            }
            e.displayName = null;
            e.documentNumber = null;
            e.documentType = null;
            e.issuingState = null;
            e.surname = null;
            e.givenNames = null;
            e.dateOfBirth = null;
            e.sex = null;
            e.documentNationality = null;
            e.documentExpiresOn = null;
            e.reason = "erased in registry";
            e.updatedAt = Instant.now();
            if (releases) {
                events.statusChanged(e);
            }
            audit.record(ACTOR, AuditLog.Action.ERASED, e.flightId, e.id, nationalId, null);
        }
    }
}

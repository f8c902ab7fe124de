package org.muster.registry.manifests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.ManifestStatus;
import org.muster.contracts.evacuation.FlightDeparted;
import org.muster.registry.audit.AuditLog;
import org.muster.registry.national.National;
import org.muster.registry.national.NationalSnapshots;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.muster.platform.sql.SqlValues.instant;

/** Applies what evacuation publishes about a national's seat to the national's evacuation status. */
@ApplicationScoped
public class ManifestChanges {

    private static final String ACTOR = "evacuation";

    @Inject
    EntityManager entityManager;

    @Inject
    NationalSnapshots snapshots;

    @Inject
    AuditLog audit;

    /** A passenger was manifested or their entry changed status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void entryChanged(UUID nationalId, UUID flightId, UUID entryId, ManifestStatus status, Instant occurredAt) {
        National national = National.findById(nationalId);
        if (national == null || national.evacuationStatus == EvacuationStatus.EVACUATED) {
            // A partner's national, someone erased since, or someone already out: nothing to change.
            return;
        }
        Placement current = current(nationalId);
        Placement.after(current, flightId, entryId, status, occurredAt).ifPresent(next -> {
            entityManager.createNativeQuery("INSERT INTO manifest_placement (national_id, flight_id, entry_id, status, changed_at) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (national_id) DO UPDATE SET flight_id = ?2, "
                            + "entry_id = ?3, status = ?4, changed_at = ?5")
                    .setParameter(1, nationalId).setParameter(2, flightId).setParameter(3, entryId)
                    .setParameter(4, status.name()).setParameter(5, occurredAt.atOffset(ZoneOffset.UTC))
                    .executeUpdate();
            EvacuationStatus evacuation = Placement.evacuationStatus(status);
            if (national.evacuationStatus != evacuation) {
                change(national, evacuation, status + " on flight " + flightId);
            }
        });
    }

    /** The flight left: everyone whose current placement is "boarded" on it is evacuated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void departed(FlightDeparted departure) {
        @SuppressWarnings("unchecked")
        List<UUID> boarded = entityManager.createNativeQuery("SELECT national_id FROM manifest_placement "
                        + "WHERE flight_id = ?1 AND status = ?2", UUID.class)
                .setParameter(1, departure.flightId()).setParameter(2, ManifestStatus.BOARDED.name())
                .getResultList();
        for (UUID id : boarded) {
            National national = National.findById(id);
            if (national != null && national.evacuationStatus != EvacuationStatus.EVACUATED) {
                change(national, EvacuationStatus.EVACUATED, "departed on flight " + departure.flightId());
            }
        }
    }

    private Placement current(UUID nationalId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT flight_id, entry_id, status, changed_at "
                        + "FROM manifest_placement WHERE national_id = ?1")
                .setParameter(1, nationalId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        return new Placement((UUID) row[0], (UUID) row[1], ManifestStatus.valueOf((String) row[2]), instant(row[3]));
    }

    private void change(National national, EvacuationStatus status, String why) {
        national.evacuationStatus = status;
        national.updatedAt = Instant.now();
        snapshots.publish(national);
        audit.record(ACTOR, AuditLog.Action.UPDATED, national.id, "evacuation " + status + ": " + why);
    }
}

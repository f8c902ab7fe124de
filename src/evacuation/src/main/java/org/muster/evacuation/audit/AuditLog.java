package org.muster.evacuation.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.muster.platform.sql.SqlValues.instant;

/**
 * Who changed which flight, manifest entry or assembly point, when, and how. Written in the transaction of the
 * change, so there is no change without its entry.
 */
@ApplicationScoped
public class AuditLog {

    /** What an entry records. */
    public enum Action {
        FLIGHT_SCHEDULED, FLIGHT_CHANGED, FLIGHT_STATUS, ASSEMBLY_SET,
        ALLOCATED, ADDED, MOVED, OFFLOADED, CANCELLED, DOCUMENT_RECORDED, CONFIRMED, CHECKED_IN, BOARDED, NO_SHOW,
        ERASED, EXPORTED, ASSEMBLY_POINT_CREATED, ASSEMBLY_POINT_CHANGED
    }

    /** One audit entry as staff read it. */
    public record Entry(long id, UUID flightId, UUID entryId, UUID nationalId, String actor, String action,
                        Instant at, String detail) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, Action action, UUID flightId, UUID entryId, UUID nationalId, String detail) {
        insert(flightId, entryId, nationalId, null, actor, action, detail);
    }

    /** An entry about an assembly point (its flights' own entries say when one was set on them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAssemblyPoint(String actor, Action action, UUID assemblyPointId, String detail) {
        insert(null, null, null, assemblyPointId, actor, action, detail);
    }

    private void insert(UUID flightId, UUID entryId, UUID nationalId, UUID assemblyPointId, String actor,
                        Action action, String detail) {
        entityManager.createNativeQuery("INSERT INTO audit_entry (flight_id, entry_id, national_id, assembly_point_id, "
                        + "actor, action, at, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, flightId)
                .setParameter(2, entryId)
                .setParameter(3, nationalId)
                .setParameter(4, assemblyPointId)
                .setParameter(5, actor)
                .setParameter(6, action.name())
                .setParameter(7, Instant.now())
                .setParameter(8, detail)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Entry> ofAssemblyPoint(UUID assemblyPointId) {
        return where("assembly_point_id", assemblyPointId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Entry> ofFlight(UUID flightId) {
        return where("flight_id", flightId);
    }

    /** The entries whose {@code column} (one of ours, never input) is {@code id}, oldest first. */
    private List<Entry> where(String column, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, flight_id, entry_id, national_id, actor, action, "
                        + "at, detail FROM audit_entry WHERE " + column + " = ?1 ORDER BY id")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2], (UUID) r[3],
                (String) r[4], (String) r[5], instant(r[6]), (String) r[7])).toList();
    }

    /** Erasure: keep who did what, drop what the details said about the person. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clearDetails(UUID nationalId) {
        entityManager.createNativeQuery("UPDATE audit_entry SET detail = NULL WHERE national_id = ?1")
                .setParameter(1, nationalId).executeUpdate();
    }
}

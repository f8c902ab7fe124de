package org.muster.registry.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Who read or changed whose record, and when. Written in the transaction of the read or change,
 * so there is no change without its entry.
 */
@ApplicationScoped
public class AuditLog {

    /** What an entry records. */
    public enum Action { REGISTERED, READ, SEARCHED, UPDATED, WELFARE_REPORTED, EVACUATION_REQUESTED, ERASED, MERGED, IMPORTED, EXPORTED }

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, Action action, UUID nationalId, String detail) {
        entityManager.createNativeQuery(
                        "INSERT INTO audit_entry (actor, action, national_id, at, detail) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, actor)
                .setParameter(2, action.name())
                .setParameter(3, nationalId)
                .setParameter(4, Instant.now())
                .setParameter(5, detail)
                .executeUpdate();
    }
}

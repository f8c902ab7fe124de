package org.muster.registry.national;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.muster.registry.audit.AuditLog;

import java.util.UUID;

/**
 * Erases a person: every row that holds their personal data goes (documents, contacts, welfare
 * reports cascade), the audit keeps only that an erasure happened, and a tombstone tells the
 * other services to forget them. Used by an admin's erasure and by a citizen's withdrawal.
 */
@ApplicationScoped
public class Erasure {

    @Inject
    EntityManager entityManager;

    @Inject
    NationalSnapshots snapshots;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(National national, String actor) {
        UUID id = national.id;
        UUID household = national.householdId;
        national.delete();
        entityManager.flush();
        entityManager.createNativeQuery("DELETE FROM household h WHERE h.id = ?1 "
                        + "AND NOT EXISTS (SELECT 1 FROM national n WHERE n.household_id = h.id)")
                .setParameter(1, household).executeUpdate();
        // Audit details may name places the person reported; keep who did what, not that.
        entityManager.createNativeQuery("UPDATE audit_entry SET detail = NULL WHERE national_id = ?1")
                .setParameter(1, id).executeUpdate();
        snapshots.erased(id);
        audit.record(actor, AuditLog.Action.ERASED, id, null);
    }
}

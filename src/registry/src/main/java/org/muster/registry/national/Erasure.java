package org.muster.registry.national;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.muster.contracts.Topics;
import org.muster.registry.audit.AuditLog;

import java.util.UUID;

/**
 * Erases a person: every row that holds their personal data goes (documents, contacts, welfare
 * reports cascade; their snapshots in the outbox; the hash of the registration or consular record that named
 * them),
 * the audit keeps only that an erasure happened, and a tombstone tells the other services to
 * forget them. Used by an admin's erasure and by a citizen's withdrawal.
 */
@ApplicationScoped
public class Erasure {

    /** The request hash of an idempotency key whose registration had someone erased: it matches no request. */
    public static final String ERASED_REQUEST = "erased";

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
        // The consulate's record is kept without the person or the hash of their data, so that importing its file
        // again does not bring them back (NationalImport).
        entityManager.createNativeQuery("UPDATE imported_record SET national_id = NULL, row_hash = ?1 WHERE national_id = ?2")
                .setParameter(1, ERASED_REQUEST).setParameter(2, id).executeUpdate();
        national.delete();
        entityManager.flush();
        entityManager.createNativeQuery("DELETE FROM household h WHERE h.id = ?1 "
                        + "AND NOT EXISTS (SELECT 1 FROM national n WHERE n.household_id = h.id)")
                .setParameter(1, household).executeUpdate();
        // Audit details may name places the person reported; keep who did what, not that.
        entityManager.createNativeQuery("UPDATE audit_entry SET detail = NULL WHERE national_id = ?1")
                .setParameter(1, id).executeUpdate();
        // The registration's hash was computed over the person's names and documents. The key stays,
        // so that a late retry of that request is told the registration was withdrawn instead of
        // registering the person again (RegistrationService#decide).
        entityManager.createNativeQuery("UPDATE registration_request SET request_hash = ?1 WHERE household_id = ?2")
                .setParameter(1, ERASED_REQUEST).setParameter(2, household).executeUpdate();
        // Snapshots already relayed stay in the outbox for its retention (days), with names and
        // numbers; those not yet relayed would publish them once more. The tombstone below replaces
        // them all. A scan of the outbox, which has no index on the key: erasures are rare, and an
        // index would cost every registration.
        entityManager.createNativeQuery("DELETE FROM outbox WHERE topic = ?1 AND event_key = ?2 AND batch IS NULL")
                .setParameter(1, Topics.REGISTRY_NATIONALS).setParameter(2, id.toString()).executeUpdate();
        snapshots.erased(id);
        audit.record(actor, AuditLog.Action.ERASED, id, null);
    }
}

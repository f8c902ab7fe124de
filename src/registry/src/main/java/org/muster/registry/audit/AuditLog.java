package org.muster.registry.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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

    /** The same entry for each of {@code nationalIds}, in one statement (a household registered at once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(String actor, Action action, List<UUID> nationalIds, String detail) {
        if (nationalIds.isEmpty()) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_entry (actor, action, national_id, at, detail) "
                            + "SELECT ?, ?, n, ?, ? FROM unnest(?) WITH ORDINALITY AS ids(n, i) ORDER BY i")) {
                insert.setString(1, actor);
                insert.setString(2, action.name());
                insert.setObject(3, at);
                insert.setString(4, detail);
                insert.setArray(5, connection.createArrayOf("uuid", nationalIds.toArray()));
                insert.executeUpdate();
            }
        });
    }
}

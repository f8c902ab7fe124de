package org.muster.registry.registration;

import org.muster.contracts.common.WelfareStatus;
import org.muster.registry.national.National;

import java.time.Instant;
import java.util.UUID;

/** Welfare changes, with their history kept beside the current status. */
public final class WelfareReports {

    private WelfareReports() {
    }

    public static void record(National person, WelfareStatus status, String source) {
        person.welfareStatus = status;
        National.getEntityManager().createNativeQuery(
                        "INSERT INTO welfare_report (id, national_id, status, reported_at, source) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, person.id)
                .setParameter(3, status.name())
                .setParameter(4, Instant.now())
                .setParameter(5, source)
                .executeUpdate();
    }
}

package org.muster.alerts.audience;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.muster.alerts.Nationals;
import org.muster.contracts.Topics;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.contracts.common.WelfareStatus;
import org.muster.testing.EventProducer;
import org.muster.testing.MusterStackResource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audience projection follows registry's snapshots on Kafka, without registry. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "alerts"))
class AudienceProjectionTest {

    @Inject
    EntityManager entityManager;

    @Test
    void snapshots_are_projected_the_newest_version_wins_and_a_redelivery_changes_nothing() {
        UUID id = UUID.randomUUID();
        UUID household = UUID.randomUUID();
        EventProducer.publish(Topics.REGISTRY_NATIONALS, Nationals.inKabul(id, household, "prs", "+93700111001", 1),
                UUID.randomUUID().toString(), "registry");
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(version(id)));

        EventProducer.publish(Topics.REGISTRY_NATIONALS, Nationals.snapshot(id, household, "prs", "AF-BAL", "+93700111001",
                false, WelfareStatus.SAFE, 3), UUID.randomUUID().toString(), "registry");
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(3).equals(version(id)));
        // A late, older snapshot (version 2) is ignored; the same event delivered twice applies once.
        String eventId = UUID.randomUUID().toString();
        EventProducer.publish(Topics.REGISTRY_NATIONALS, Nationals.snapshot(id, household, "prs", "AF-KDZ", "+93700111001",
                false, WelfareStatus.NEEDS_HELP, 2), eventId, "registry");
        UUID marker = UUID.randomUUID();
        EventProducer.publish(Topics.REGISTRY_NATIONALS, Nationals.inKabul(marker, household, "en", null, 1),
                UUID.randomUUID().toString(), "registry");
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(version(marker)));

        List<?> row = row(id);
        assertThat(row.get(0)).isEqualTo("AF-BAL");
        assertThat(row.get(1)).isEqualTo("SAFE");
        assertThat(((String) row.get(2))).contains("+93700111001");
        assertThat(processedCount(eventId)).isEqualTo(1);
        EventProducer.publish(Topics.REGISTRY_NATIONALS, Nationals.snapshot(id, household, "prs", "AF-KDZ", "+93700111001",
                false, WelfareStatus.NEEDS_HELP, 4), eventId, "registry");
        UUID marker2 = UUID.randomUUID();
        EventProducer.publish(Topics.REGISTRY_NATIONALS, Nationals.inKabul(marker2, household, "en", null, 1),
                UUID.randomUUID().toString(), "registry");
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(version(marker2)));
        assertThat(version(id)).isEqualTo(3L);
    }

    @Test
    void a_tombstone_removes_the_person() {
        UUID id = UUID.randomUUID();
        EventProducer.publish(Topics.REGISTRY_NATIONALS, Nationals.inKabul(id, UUID.randomUUID(), "ps", "+93700111002", 5),
                UUID.randomUUID().toString(), "registry");
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(5).equals(version(id)));

        EventProducer.publishTombstone(Topics.REGISTRY_NATIONALS, id.toString(),
                NationalSnapshot.ERASED_TYPE, "registry");

        await().atMost(Duration.ofSeconds(30)).until(() -> version(id) == null);
    }

    private Long version(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("SELECT version FROM audience_member WHERE national_id = ?1")
                    .setParameter(1, id).getResultList();
            return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
        });
    }

    private List<?> row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> List.of((Object[]) entityManager.createNativeQuery(
                        "SELECT region, welfare_status, CAST(contacts AS text) FROM audience_member WHERE national_id = ?1")
                .setParameter(1, id).getSingleResult()));
    }

    private long processedCount(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue());
    }
}

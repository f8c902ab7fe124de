package org.muster.evacuation.audience;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.muster.contracts.Topics;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.evacuation.Fixtures;
import org.muster.testing.EventProducer;
import org.muster.testing.MusterStackResource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The projection of muster.registry.nationals: newest version wins, redeliveries count once, tombstones forget. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "evacuation"))
class AudienceTest {

    @Test
    void keeps_the_newest_snapshot_and_ignores_an_older_one_read_later() {
        UUID id = UUID.randomUUID();
        UUID household = UUID.randomUUID();
        Fixtures.publish(Fixtures.snapshot(id, household, "Anna Eriksson", EvacuationStatus.NOT_REQUESTED, 3,
                List.of(Vulnerability.ELDERLY)));
        NationalSnapshot older = Fixtures.snapshot(id, household, "Old Name", EvacuationStatus.DECLINED, 2, List.of());
        String olderId = UUID.randomUUID().toString();
        EventProducer.publish(Topics.REGISTRY_NATIONALS, older, olderId, "registry");
        // A later snapshot proves the older one was read (same key: same partition, in order).
        Fixtures.publish(Fixtures.snapshot(id, household, "Anna Eriksson", EvacuationStatus.NOT_REQUESTED, 4,
                List.of(Vulnerability.ELDERLY, Vulnerability.MEDICAL)));

        National n = QuarkusTransaction.requiringNew().call(() -> National.findById(id));
        assertThat(n.displayName).isEqualTo("Anna Eriksson");
        assertThat(n.snapshotVersion).isEqualTo(4);
        assertThat(n.vulnerabilities).containsExactly("ELDERLY", "MEDICAL");
        assertThat(n.contactPoints).hasSize(1);
        assertThat(n.requestedAt).isNull();
    }

    @Test
    void a_request_time_is_kept_while_the_person_waits_or_travels() {
        UUID id = UUID.randomUUID();
        UUID household = UUID.randomUUID();
        NationalSnapshot asked = Fixtures.snapshot(id, household, "Ravi Shah", EvacuationStatus.REQUESTED, 1, List.of());
        Fixtures.publish(asked);
        Fixtures.publish(Fixtures.snapshot(id, household, "Ravi Shah", EvacuationStatus.MANIFESTED, 2, List.of()));
        Fixtures.publish(Fixtures.snapshot(id, household, "Ravi Shah", EvacuationStatus.REQUESTED, 3, List.of()));
        National n = QuarkusTransaction.requiringNew().call(() -> National.findById(id));
        // PostgreSQL keeps microseconds, rounded.
        assertThat(n.requestedAt).isCloseTo(asked.occurredAt(), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void a_tombstone_forgets_the_person() {
        UUID id = UUID.randomUUID();
        Fixtures.publish(Fixtures.snapshot(id, UUID.randomUUID(), "To Forget", EvacuationStatus.NOT_REQUESTED, 1,
                List.of()));
        EventProducer.publishTombstone(Topics.REGISTRY_NATIONALS, id.toString(),
                NationalSnapshot.ERASED_TYPE, "registry");
        await().atMost(Fixtures.WAIT).until(() -> Fixtures.version(id) == -1L);
    }
}

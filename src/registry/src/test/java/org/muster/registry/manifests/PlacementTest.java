package org.muster.registry.manifests;

import org.junit.jupiter.api.Test;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.ManifestStatus;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlacementTest {

    private static final Instant T0 = Instant.parse("2026-08-20T10:00:00Z");
    private final UUID flightA = UUID.randomUUID();
    private final UUID flightB = UUID.randomUUID();
    private final UUID entryA = UUID.randomUUID();
    private final UUID entryB = UUID.randomUUID();

    @Test
    void a_first_event_places_the_person() {
        assertThat(Placement.after(null, flightA, entryA, ManifestStatus.ASSIGNED, T0))
                .contains(new Placement(flightA, entryA, ManifestStatus.ASSIGNED, T0));
    }

    @Test
    void an_older_event_of_the_same_entry_changes_nothing() {
        Placement checkedIn = new Placement(flightA, entryA, ManifestStatus.CHECKED_IN, T0.plusSeconds(60));
        assertThat(Placement.after(checkedIn, flightA, entryA, ManifestStatus.CONFIRMED, T0)).isEmpty();
        assertThat(Placement.after(checkedIn, flightA, entryA, ManifestStatus.BOARDED, T0.plusSeconds(120))).isPresent();
    }

    @Test
    void a_late_cancellation_of_the_old_flight_does_not_undo_the_move_to_a_new_one() {
        Placement onB = new Placement(flightB, entryB, ManifestStatus.ASSIGNED, T0.plusSeconds(60));
        assertThat(Placement.after(onB, flightA, entryA, ManifestStatus.CANCELLED, T0.plusSeconds(120))).isEmpty();
    }

    @Test
    void a_newer_seat_on_another_flight_replaces_the_old_one_and_an_older_one_does_not() {
        Placement onA = new Placement(flightA, entryA, ManifestStatus.CONFIRMED, T0);
        assertThat(Placement.after(onA, flightB, entryB, ManifestStatus.ASSIGNED, T0.plusSeconds(1)))
                .contains(new Placement(flightB, entryB, ManifestStatus.ASSIGNED, T0.plusSeconds(1)));
        assertThat(Placement.after(onA, flightB, entryB, ManifestStatus.ASSIGNED, T0.minusSeconds(1))).isEmpty();
    }

    @Test
    void each_manifest_status_means_one_evacuation_status() {
        assertThat(Placement.evacuationStatus(ManifestStatus.ASSIGNED)).isEqualTo(EvacuationStatus.MANIFESTED);
        assertThat(Placement.evacuationStatus(ManifestStatus.CONFIRMED)).isEqualTo(EvacuationStatus.MANIFESTED);
        assertThat(Placement.evacuationStatus(ManifestStatus.CHECKED_IN)).isEqualTo(EvacuationStatus.CHECKED_IN);
        assertThat(Placement.evacuationStatus(ManifestStatus.BOARDED)).isEqualTo(EvacuationStatus.CHECKED_IN);
        assertThat(Placement.evacuationStatus(ManifestStatus.NO_SHOW)).isEqualTo(EvacuationStatus.REQUESTED);
        assertThat(Placement.evacuationStatus(ManifestStatus.OFFLOADED)).isEqualTo(EvacuationStatus.REQUESTED);
        assertThat(Placement.evacuationStatus(ManifestStatus.CANCELLED)).isEqualTo(EvacuationStatus.REQUESTED);
    }
}

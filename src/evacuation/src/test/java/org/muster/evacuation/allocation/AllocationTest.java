package org.muster.evacuation.allocation;

import org.junit.jupiter.api.Test;
import org.muster.contracts.common.Vulnerability;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Examples of the allocation rules, one rule each. */
class AllocationTest {

    private static final Instant T0 = Instant.parse("2026-08-15T06:00:00Z");

    @Test
    void medical_cases_go_first_then_earlier_requests() {
        Allocation.Request early = household(T0, Set.of());
        Allocation.Request medical = household(T0.plusSeconds(3600), Set.of(Vulnerability.MEDICAL));
        Allocation.Request late = household(T0.plusSeconds(60), Set.of());
        Allocation.Plan plan = Allocation.allocate(List.of(late, early, medical), List.of(flight("QR1", T0, 2)));

        assertThat(plan.placements()).extracting(Allocation.Placement::householdId)
                .containsExactly(medical.householdId(), early.householdId(), late.householdId());
        assertThat(plan.placed()).extracting(Allocation.Placement::householdId)
                .containsExactly(medical.householdId(), early.householdId());
        assertThat(plan.unplaced().get(0).reason()).contains("not placed", "no open flight has seats free");
    }

    @Test
    void a_household_is_never_split_and_a_smaller_one_takes_the_seats_it_could_not_use_with_a_reason() {
        Allocation.Request family = household(T0, Set.of(), Set.of(), Set.of());
        Allocation.Request single = household(T0.plusSeconds(60), Set.of());
        Allocation.OpenFlight first = flight("QR1", T0, 2);
        Allocation.OpenFlight second = flight("QR2", T0.plusSeconds(7200), 3);
        Allocation.Plan plan = Allocation.allocate(List.of(family, single), List.of(second, first));

        Allocation.Placement familyPlacement = plan.placements().get(0);
        assertThat(familyPlacement.flightNumber()).isEqualTo("QR2");
        assertThat(familyPlacement.passed()).containsExactly(new Allocation.Passed(first.flightId(), "QR1", 2));
        assertThat(familyPlacement.reason()).contains("QR1 had 2", "3 needed together");
        assertThat(plan.placements().get(1).flightNumber()).isEqualTo("QR1");
    }

    @Test
    void an_infant_travels_on_a_lap_but_a_household_of_infants_needs_seats() {
        UUID parent = UUID.randomUUID();
        UUID baby = UUID.randomUUID();
        UUID twin = UUID.randomUUID();
        List<Allocation.Seat> seats = Allocation.seats(List.of(
                new Allocation.Member(parent, Set.of()),
                new Allocation.Member(baby, Set.of(Vulnerability.INFANT)),
                new Allocation.Member(twin, Set.of(Vulnerability.INFANT))));
        assertThat(seats.stream().mapToInt(Allocation.Seat::seats).sum()).isEqualTo(2);

        Allocation.Request family = new Allocation.Request(UUID.randomUUID(), List.of(
                new Allocation.Member(parent, Set.of()), new Allocation.Member(baby, Set.of(Vulnerability.INFANT))), T0);
        Allocation.Plan plan = Allocation.allocate(List.of(family), List.of(flight("QR1", T0, 1)));
        assertThat(plan.placed()).hasSize(1);
        assertThat(plan.placed().get(0).priority()).isEqualTo(PriorityClass.FAMILY_WITH_CHILDREN);
        assertThat(plan.freeSeatsAfter()).containsValue(0);
    }

    @Test
    void the_priority_table() {
        assertThat(PriorityClass.of(Set.of(Vulnerability.ELDERLY, Vulnerability.MEDICAL))).isEqualTo(PriorityClass.MEDICAL);
        assertThat(PriorityClass.of(Set.of(Vulnerability.UNACCOMPANIED_MINOR))).isEqualTo(PriorityClass.UNACCOMPANIED_MINOR);
        assertThat(PriorityClass.of(Set.of(Vulnerability.INFANT, Vulnerability.ELDERLY)))
                .isEqualTo(PriorityClass.FAMILY_WITH_CHILDREN);
        assertThat(PriorityClass.of(Set.of(Vulnerability.ELDERLY, Vulnerability.PREGNANCY))).isEqualTo(PriorityClass.ELDERLY);
        assertThat(PriorityClass.of(Set.of(Vulnerability.PREGNANCY))).isEqualTo(PriorityClass.REDUCED_MOBILITY);
        assertThat(PriorityClass.of(Set.of(Vulnerability.DISABILITY))).isEqualTo(PriorityClass.REDUCED_MOBILITY);
        assertThat(PriorityClass.of(Set.of(Vulnerability.PERSECUTION_RISK))).isEqualTo(PriorityClass.PERSECUTION_RISK);
        assertThat(PriorityClass.of(Set.of())).isEqualTo(PriorityClass.OTHER);
        assertThat(PriorityClass.ofHousehold(List.of(Set.of(), Set.of(Vulnerability.MEDICAL)))).isEqualTo(PriorityClass.MEDICAL);
    }

    @SafeVarargs
    static Allocation.Request household(Instant requestedAt, Set<Vulnerability>... members) {
        return new Allocation.Request(UUID.randomUUID(), java.util.Arrays.stream(members)
                .map(v -> new Allocation.Member(UUID.randomUUID(), v)).toList(), requestedAt);
    }

    static Allocation.OpenFlight flight(String number, Instant departure, int free) {
        return new Allocation.OpenFlight(UUID.randomUUID(), number, departure, free);
    }
}

package org.muster.evacuation.allocation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.muster.contracts.common.Vulnerability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the allocation that must hold for any requests and flights. */
class AllocationPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-08-15T06:00:00Z");

    /** Requests and flights together, generated from seeds so the ids are reproducible. */
    record Case(List<Allocation.Request> requests, List<Allocation.OpenFlight> flights) {
    }

    @Property(tries = 300)
    void no_flight_gets_more_than_its_free_seats(@ForAll("cases") Case c) {
        Allocation.Plan plan = Allocation.allocate(c.requests(), c.flights());
        Map<UUID, Integer> used = new HashMap<>();
        plan.placed().forEach(p -> used.merge(p.flightId(), p.seatsNeeded(), Integer::sum));
        for (Allocation.OpenFlight f : c.flights()) {
            assertThat(used.getOrDefault(f.flightId(), 0)).isLessThanOrEqualTo(Math.max(0, f.freeSeats()));
            assertThat(plan.freeSeatsAfter().get(f.flightId()))
                    .isEqualTo(Math.max(0, f.freeSeats()) - used.getOrDefault(f.flightId(), 0));
        }
    }

    @Property(tries = 300)
    void every_household_is_placed_whole_or_not_at_all(@ForAll("cases") Case c) {
        Allocation.Plan plan = Allocation.allocate(c.requests(), c.flights());
        assertThat(plan.placements()).hasSize(c.requests().size());
        Map<UUID, Allocation.Request> byId = new HashMap<>();
        c.requests().forEach(r -> byId.put(r.householdId(), r));
        for (Allocation.Placement p : plan.placements()) {
            Set<UUID> members = new HashSet<>();
            byId.get(p.householdId()).members().forEach(m -> members.add(m.nationalId()));
            assertThat(p.members()).extracting(Allocation.Seat::nationalId).containsExactlyInAnyOrderElementsOf(members);
            assertThat(p.seatsNeeded()).isEqualTo(p.members().stream().mapToInt(Allocation.Seat::seats).sum());
            long infants = byId.get(p.householdId()).members().stream().filter(Allocation.Member::infant).count();
            long adults = members.size() - infants;
            assertThat(p.seatsNeeded()).isEqualTo(adults + Math.max(0, infants - adults));
            assertThat(p.reason()).isNotBlank();
        }
    }

    /**
     * If a household served earlier (higher priority, or same priority and asked earlier) is on a
     * later flight than one served after it, or not placed at all, its placement names the
     * earlier household's flight among those it passed, with fewer free seats than it needed.
     */
    @Property(tries = 300)
    void a_higher_priority_never_waits_behind_a_lower_one_without_a_recorded_reason(@ForAll("cases") Case c) {
        Allocation.Plan plan = Allocation.allocate(c.requests(), c.flights());
        Map<UUID, Integer> rank = new HashMap<>();
        List<Allocation.OpenFlight> order = c.flights().stream().sorted(Allocation.FLIGHT_ORDER).toList();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i).flightId(), i);
        }
        List<Allocation.Placement> served = plan.placements();
        for (int i = 0; i < served.size(); i++) {
            Allocation.Placement higher = served.get(i);
            int higherRank = higher.placed() ? rank.get(higher.flightId()) : Integer.MAX_VALUE;
            for (int j = i + 1; j < served.size(); j++) {
                Allocation.Placement lower = served.get(j);
                assertThat(lower.priority().ordinal()).isGreaterThanOrEqualTo(higher.priority().ordinal());
                if (lower.placed() && rank.get(lower.flightId()) < higherRank) {
                    assertThat(higher.passed())
                            .as("%s waits behind %s", higher.reason(), lower.reason())
                            .anySatisfy(p -> {
                                assertThat(p.flightId()).isEqualTo(lower.flightId());
                                assertThat(p.freeSeats()).isLessThan(higher.seatsNeeded());
                            });
                }
            }
        }
    }

    /** A flight as planned: its seats, those held back, the partner quota, and the seats already taken. */
    record Planned(int seats, int heldBack, int partnerQuota, int taken) {
    }

    /**
     * Seats held back (crew, officials) and seats held for partner embassies' quotas are never
     * given by the allocation, whatever is already taken and whoever asks.
     */
    @Property(tries = 300)
    void seats_held_back_and_held_for_partner_quotas_are_never_allocated(@ForAll("cases") Case c,
                                                                          @ForAll("planned") List<Planned> planned) {
        List<Allocation.OpenFlight> flights = new ArrayList<>();
        Map<UUID, Planned> plans = new HashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            UUID id = new UUID(7, i);
            plans.put(id, p);
            flights.add(Allocation.OpenFlight.of(id, "QR" + (200 + i), T0.plusSeconds(600L * i), p.seats(), p.heldBack(),
                    p.partnerQuota(), p.taken()));
        }
        Allocation.Plan plan = Allocation.allocate(c.requests(), flights);
        Map<UUID, Integer> used = new HashMap<>();
        plan.placed().forEach(p -> used.merge(p.flightId(), p.seatsNeeded(), Integer::sum));
        plans.forEach((id, p) -> {
            assertThat(p.taken() + used.getOrDefault(id, 0)).as("seats taken on %s", p)
                    .isLessThanOrEqualTo(p.seats() - p.heldBack() - p.partnerQuota());
        });
    }

    @Provide
    Arbitrary<List<Planned>> planned() {
        return Combinators.combine(Arbitraries.integers().between(1, 30), Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 10), Arbitraries.integers().between(0, 30))
                .as((seats, heldBack, quota, taken) -> {
                    int held = Math.min(heldBack, seats);
                    int partners = Math.min(quota, seats - held);
                    return new Planned(seats, held, partners, Math.min(taken, seats - held - partners));
                })
                .list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 200)
    void the_same_input_in_any_order_gives_the_same_plan(@ForAll("cases") Case c, @ForAll long shuffleSeed) {
        List<Allocation.Request> requests = new ArrayList<>(c.requests());
        List<Allocation.OpenFlight> flights = new ArrayList<>(c.flights());
        Collections.shuffle(requests, new Random(shuffleSeed));
        Collections.shuffle(flights, new Random(shuffleSeed + 1));
        assertThat(Allocation.allocate(requests, flights)).isEqualTo(Allocation.allocate(c.requests(), c.flights()));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<List<Set<Vulnerability>>>> households = member().list().ofMinSize(1).ofMaxSize(7)
                .list().ofMaxSize(40);
        Arbitrary<List<Integer>> requestTimes = Arbitraries.integers().between(0, 20).list().ofSize(40);
        Arbitrary<List<Integer>> seats = Arbitraries.integers().between(0, 12).list().ofMaxSize(6);
        Arbitrary<List<Integer>> departures = Arbitraries.integers().between(0, 3).list().ofSize(6);
        return Combinators.combine(households, requestTimes, seats, departures, Arbitraries.longs())
                .as((hs, times, free, deps, seed) -> {
                    Random ids = new Random(seed);
                    List<Allocation.Request> requests = new ArrayList<>();
                    for (int i = 0; i < hs.size(); i++) {
                        List<Allocation.Member> members = new ArrayList<>();
                        for (Set<Vulnerability> v : hs.get(i)) {
                            members.add(new Allocation.Member(new UUID(ids.nextLong(), ids.nextLong()), v));
                        }
                        // Few distinct request times, so that ties between households are common.
                        requests.add(new Allocation.Request(new UUID(ids.nextLong(), ids.nextLong()), members,
                                T0.plusSeconds(60L * times.get(i))));
                    }
                    List<Allocation.OpenFlight> flights = new ArrayList<>();
                    for (int i = 0; i < free.size(); i++) {
                        flights.add(new Allocation.OpenFlight(new UUID(ids.nextLong(), ids.nextLong()),
                                "QR" + (100 + i % 3), T0.plusSeconds(3600L * deps.get(i)), free.get(i)));
                    }
                    return new Case(requests, flights);
                });
    }

    private static Arbitrary<Set<Vulnerability>> member() {
        return Arbitraries.of(Vulnerability.class).set().ofMaxSize(2)
                .injectDuplicates(0.0)
                .map(s -> s.isEmpty() ? Set.<Vulnerability>of() : Set.copyOf(s))
                .edgeCases(e -> e.add(Set.of()));
    }
}

package org.muster.evacuation.allocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.ManifestStatus;
import org.muster.evacuation.audience.National;
import org.muster.evacuation.audit.AuditLog;
import org.muster.evacuation.flight.Flight;
import org.muster.evacuation.flight.FlightState;
import org.muster.evacuation.flight.Flights;
import org.muster.evacuation.manifest.ManifestEntry;
import org.muster.evacuation.manifest.ManifestEvents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs {@link Allocation} on the database: everyone whose latest snapshot says REQUESTED and who
 * holds no seat, on every flight still taking allocations. A preview writes nothing; a commit
 * locks the open flights first, so two commits never hand out the same seats.
 */
@ApplicationScoped
public class Allocations {

    static final List<FlightState> OPEN = List.of(FlightState.PLANNED, FlightState.CONFIRMED, FlightState.CHECK_IN_OPEN);
    static final List<ManifestStatus> HOLDING = EnumSet.allOf(ManifestStatus.class).stream()
            .filter(ManifestStatus::holdsSeat).toList();

    @Inject
    EntityManager entityManager;

    @Inject
    Flights flights;

    @Inject
    ManifestEvents events;

    @Inject
    AuditLog audit;

    /** The allocation as it would be committed now. Writes nothing. */
    @Transactional
    public Allocation.Plan preview() {
        return Allocation.allocate(requests(), openFlights(Flight.list("state IN ?1", OPEN)));
    }

    /** Allocates and writes the manifest entries, one PassengerManifested each. */
    @Transactional
    public Allocation.Plan commit(String actor) {
        // Locked in id order: concurrent commits queue here instead of deadlocking.
        List<Flight> locked = Flight.find("state IN ?1 ORDER BY id", OPEN).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Map<UUID, National> people = new HashMap<>();
        List<Allocation.Request> requests = requests(people);
        Allocation.Plan plan = Allocation.allocate(requests, openFlights(locked));
        Instant now = Instant.now();
        for (Allocation.Placement p : plan.placed()) {
            for (Allocation.Seat seat : p.members()) {
                National n = people.get(seat.nationalId());
                ManifestEntry e = new ManifestEntry();
                e.id = UUID.randomUUID();
                e.flightId = p.flightId();
                e.nationalId = n.id;
                e.householdId = n.householdId;
                e.nationality = n.nationality;
                e.displayName = n.displayName;
                e.preferredLanguage = n.preferredLanguage;
                e.seats = seat.seats();
                e.priority = p.priority();
                e.status = ManifestStatus.ASSIGNED;
                e.reason = p.reason();
                e.createdAt = now;
                e.updatedAt = now;
                e.persist();
                events.manifested(e);
                audit.record(actor, AuditLog.Action.ALLOCATED, e.flightId, e.id, e.nationalId,
                        p.flightNumber() + ", " + e.seats + " seat(s): " + p.reason());
            }
        }
        return plan;
    }

    private List<Allocation.Request> requests() {
        return requests(new HashMap<>());
    }

    /** Households of the people waiting, with the members who wait; {@code people} collects them by id. */
    private List<Allocation.Request> requests(Map<UUID, National> people) {
        List<National> waiting = National.list("FROM National n WHERE n.evacuationStatus = ?1 AND NOT EXISTS "
                + "(SELECT 1 FROM ManifestEntry e WHERE e.nationalId = n.id AND e.status IN ?2)", EvacuationStatus.REQUESTED, HOLDING);
        Map<UUID, List<National>> households = new LinkedHashMap<>();
        for (National n : waiting) {
            people.put(n.id, n);
            households.computeIfAbsent(n.householdId, h -> new ArrayList<>()).add(n);
        }
        List<Allocation.Request> requests = new ArrayList<>(households.size());
        households.forEach((household, members) -> requests.add(new Allocation.Request(household,
                members.stream().map(n -> new Allocation.Member(n.id, n.vulnerabilitySet())).toList(),
                members.stream().map(n -> n.requestedAt != null ? n.requestedAt : n.updatedAt)
                        .min(Comparator.naturalOrder()).orElseThrow())));
        return requests;
    }

    private List<Allocation.OpenFlight> openFlights(List<Flight> open) {
        Map<UUID, Integer> taken = flights.seatsTakenByFlight();
        return open.stream().map(f -> Allocation.OpenFlight.of(f.id, f.flightNumber, f.scheduledDeparture, f.seats,
                f.seatsHeldBack, f.partnerQuota, taken.getOrDefault(f.id, 0))).toList();
    }
}

package org.muster.evacuation.flight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.muster.evacuation.audit.AuditLog;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Planning flights: schedule, change, attach an assembly point. Status changes are in manifest.FlightOperations. */
@ApplicationScoped
public class Flights {

    @Inject
    EntityManager entityManager;

    @Inject
    FlightEvents events;

    @Inject
    AuditLog audit;

    @Transactional
    public FlightView schedule(FlightRequest request, String actor) {
        return schedule(UUID.randomUUID(), request, actor);
    }

    /** Plans a flight under a given id (the demo seed's, so that a restart finds it). */
    @Transactional
    public FlightView schedule(UUID id, FlightRequest request, String actor) {
        check(request);
        Flight f = new Flight();
        f.id = id;
        f.state = FlightState.PLANNED;
        f.createdAt = Instant.now();
        apply(f, request);
        f.persist();
        events.scheduled(f);
        audit.record(actor, AuditLog.Action.FLIGHT_SCHEDULED, f.id, null, null, describe(f));
        return FlightView.of(f, 0);
    }

    @Transactional
    public FlightView change(UUID id, FlightRequest request, String actor) {
        check(request);
        Flight f = locked(id);
        if (!f.state.takesAllocations()) {
            throw ProblemException.conflict("flight-closed", "The flight can no longer be changed",
                    "flight " + f.flightNumber + " is " + f.state + "; only planned, confirmed or check-in open flights change");
        }
        int taken = seatsTaken(id);
        int allocatable = request.seats() - request.heldBack() - request.quota();
        if (allocatable < taken) {
            throw ProblemException.conflict("seats-taken", "Fewer seats than passengers",
                    taken + " seats are already allocated on " + f.flightNumber + "; the change leaves " + allocatable
                            + ". Move or offload passengers first.");
        }
        String before = describe(f);
        apply(f, request);
        f.updatedAt = Instant.now();
        entityManager.flush();
        events.changed(f);
        audit.record(actor, AuditLog.Action.FLIGHT_CHANGED, f.id, null, null, before + " -> " + describe(f));
        return FlightView.of(f, taken);
    }

    @Transactional
    public FlightView assemble(UUID id, AssemblyRequest request, String actor) {
        Flight f = locked(id);
        if (AssemblyPoint.findById(request.assemblyPointId()) == null) {
            throw ProblemException.invalid("assemblyPointId", "/assemblyPointId", "no assembly point has this id");
        }
        if (!request.reportingTime().isBefore(f.scheduledDeparture)) {
            throw ProblemException.invalid("reportingTime", "/reportingTime", "must be before the scheduled departure "
                    + f.scheduledDeparture);
        }
        if (f.state == FlightState.DEPARTED || f.state == FlightState.CANCELLED) {
            throw ProblemException.conflict("flight-closed", "The flight can no longer be changed",
                    "flight " + f.flightNumber + " is " + f.state);
        }
        f.assemblyPointId = request.assemblyPointId();
        f.reportingTime = request.reportingTime();
        f.updatedAt = Instant.now();
        audit.record(actor, AuditLog.Action.ASSEMBLY_SET, f.id, null, null,
                "assembly point " + f.assemblyPointId + ", report by " + f.reportingTime);
        return FlightView.of(f, seatsTaken(id));
    }

    @Transactional
    public FlightView view(UUID id) {
        return FlightView.of(find(id), seatsTaken(id));
    }

    @Transactional
    public List<FlightView> list() {
        Map<UUID, Integer> taken = seatsTakenByFlight();
        List<FlightView> views = new ArrayList<>();
        for (Flight f : Flight.<Flight>list("ORDER BY scheduledDeparture, flightNumber, id")) {
            views.add(FlightView.of(f, taken.getOrDefault(f.id, 0)));
        }
        return views;
    }

    public static Flight find(UUID id) {
        Flight f = Flight.findById(id);
        if (f == null) {
            throw ProblemException.notFound("no flight " + id);
        }
        return f;
    }

    /** The flight, row-locked for the rest of the transaction: seat counts on it stay true until commit. */
    public static Flight locked(UUID id) {
        Flight f = Flight.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            throw ProblemException.notFound("no flight " + id);
        }
        return f;
    }

    /** Seats held on the flight by entries that still hold one. */
    public int seatsTaken(UUID flightId) {
        return ((Number) entityManager.createNativeQuery("SELECT coalesce(sum(seats), 0) FROM manifest_entry "
                        + "WHERE flight_id = ?1 AND status IN ('ASSIGNED', 'CONFIRMED', 'CHECKED_IN', 'BOARDED')")
                .setParameter(1, flightId).getSingleResult()).intValue();
    }

    public Map<UUID, Integer> seatsTakenByFlight() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT flight_id, sum(seats) FROM manifest_entry "
                + "WHERE status IN ('ASSIGNED', 'CONFIRMED', 'CHECKED_IN', 'BOARDED') GROUP BY flight_id").getResultList();
        Map<UUID, Integer> taken = new HashMap<>();
        rows.forEach(r -> taken.put((UUID) r[0], ((Number) r[1]).intValue()));
        return taken;
    }

    private static void check(FlightRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.heldBack() + r.quota() > r.seats()) {
            errors.add(new Problem.FieldError("seatsHeldBack", "/seatsHeldBack",
                    "seats held back plus the partner quota exceed the seats (" + r.seats() + ")"));
        }
        if (r.origin().equals(r.destination())) {
            errors.add(new Problem.FieldError("destination", "/destination", "must differ from the origin"));
        }
        if (!r.checkInCloses().isBefore(r.scheduledDeparture())) {
            errors.add(new Problem.FieldError("checkInCloses", "/checkInCloses",
                    "must be before the scheduled departure"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void apply(Flight f, FlightRequest r) {
        f.carrier = r.carrier().strip();
        f.flightNumber = r.flightNumber();
        f.aircraftType = r.aircraftType().strip();
        f.seats = r.seats();
        f.seatsHeldBack = r.heldBack();
        f.partnerQuota = r.quota();
        f.origin = r.origin();
        f.destination = r.destination();
        f.scheduledDeparture = r.scheduledDeparture();
        f.checkInCloses = r.checkInCloses();
        f.updatedAt = Instant.now();
    }

    private static String describe(Flight f) {
        return f.flightNumber + " " + f.carrier + " " + f.aircraftType + " " + f.origin + "-" + f.destination + " dep "
                + f.scheduledDeparture + " check-in closes " + f.checkInCloses + ", seats " + f.seats + " (held back "
                + f.seatsHeldBack + ", partner quota " + f.partnerQuota + ")";
    }
}

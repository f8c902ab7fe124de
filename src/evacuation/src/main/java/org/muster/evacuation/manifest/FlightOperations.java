package org.muster.evacuation.manifest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.muster.contracts.common.ManifestStatus;
import org.muster.contracts.evacuation.FlightDeparted;
import org.muster.evacuation.audit.AuditLog;
import org.muster.evacuation.flight.Flight;
import org.muster.evacuation.flight.FlightEvents;
import org.muster.evacuation.flight.FlightState;
import org.muster.evacuation.flight.FlightView;
import org.muster.evacuation.flight.Flights;
import org.muster.platform.outbox.Outbox;
import org.muster.platform.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A flight's status changes and what they do to its manifest: closing makes everyone not on
 * board a no-show, departure evacuates those on board, cancellation gives every seat back.
 */
@ApplicationScoped
public class FlightOperations {

    @Inject
    Flights flights;

    @Inject
    FlightEvents flightEvents;

    @Inject
    ManifestEvents events;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Transactional
    public FlightView transition(UUID flightId, FlightState to, String actor) {
        Flight f = Flights.locked(flightId);
        if (f.state == to) {
            return FlightView.of(f, flights.seatsTaken(flightId));
        }
        if (!f.state.next().contains(to)) {
            throw ProblemException.conflict("invalid-transition", "The flight cannot go to that status",
                    "flight " + f.flightNumber + " is " + f.state + "; from there it can go to " + f.state.next());
        }
        Instant now = Instant.now();
        FlightState from = f.state;
        f.state = to;
        f.updatedAt = now;
        switch (to) {
            case CLOSED -> release(f, List.of(ManifestStatus.ASSIGNED, ManifestStatus.CONFIRMED, ManifestStatus.CHECKED_IN),
                    ManifestStatus.NO_SHOW, AuditLog.Action.NO_SHOW, "not on board when " + f.flightNumber + " closed", actor);
            case CANCELLED -> {
                release(f, List.of(ManifestStatus.ASSIGNED, ManifestStatus.CONFIRMED), ManifestStatus.CANCELLED,
                        AuditLog.Action.CANCELLED, f.flightNumber + " cancelled", actor);
                release(f, List.of(ManifestStatus.CHECKED_IN), ManifestStatus.OFFLOADED, AuditLog.Action.OFFLOADED,
                        f.flightNumber + " cancelled", actor);
            }
            case DEPARTED -> {
                f.departedAt = now;
                long boarded = ManifestEntry.count("flightId = ?1 AND status = ?2", f.id, ManifestStatus.BOARDED);
                outbox.record(new FlightDeparted(f.id, now, (int) boarded, now));
            }
            default -> {
                // Confirming, opening check-in and boarding change the flight only.
            }
        }
        ManifestEntry.getEntityManager().flush();
        flightEvents.changed(f);
        audit.record(actor, AuditLog.Action.FLIGHT_STATUS, f.id, null, null, from + " -> " + to);
        return FlightView.of(f, flights.seatsTaken(flightId));
    }

    private void release(Flight f, List<ManifestStatus> from, ManifestStatus to, AuditLog.Action action, String why,
                         String actor) {
        List<ManifestEntry> entries = ManifestEntry.list("flightId = ?1 AND status IN ?2 ORDER BY id", f.id, from);
        Instant now = Instant.now();
        for (ManifestEntry e : entries) {
            ManifestStatus before = e.status;
            e.status = to;
            e.updatedAt = now;
            events.statusChanged(e);
            audit.record(actor, action, f.id, e.id, e.nationalId, before + " -> " + to + ": " + why);
        }
    }
}

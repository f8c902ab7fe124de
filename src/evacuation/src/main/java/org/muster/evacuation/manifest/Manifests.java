package org.muster.evacuation.manifest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.muster.contracts.common.ManifestStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.evacuation.allocation.PriorityClass;
import org.muster.evacuation.audience.National;
import org.muster.evacuation.audit.AuditLog;
import org.muster.evacuation.flight.Flight;
import org.muster.evacuation.flight.Flights;
import org.muster.platform.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Officers' changes to a manifest by hand: add, move, offload, record a travel document. */
@ApplicationScoped
public class Manifests {

    @Inject
    EntityManager entityManager;

    @Inject
    Flights flights;

    @Inject
    ManifestEvents events;

    @Inject
    AuditLog audit;

    @Transactional
    public List<EntryView> list(UUID flightId) {
        Flights.find(flightId);
        return ManifestEntry.<ManifestEntry>list("flightId = ?1 ORDER BY householdId, nationalId, createdAt", flightId)
                .stream().map(EntryView::of).toList();
    }

    @Transactional
    public EntryView view(UUID flightId, UUID entryId) {
        return EntryView.of(entry(flightId, entryId));
    }

    @Transactional
    public List<AuditLog.Entry> audit(UUID flightId) {
        Flights.find(flightId);
        return audit.ofFlight(flightId);
    }

    @Transactional
    public EntryView add(UUID flightId, ManifestRequests.Add request, String actor) {
        Flight f = Flights.locked(flightId);
        requireOpen(f);
        National n = National.findById(request.nationalId());
        if (n == null) {
            throw ProblemException.invalid("nationalId", "/nationalId", "no national with this id is known to evacuation");
        }
        ManifestEntry current = holding(n.id);
        if (current != null) {
            Flight on = Flight.findById(current.flightId);
            throw ProblemException.conflict("already-manifested", "The person already holds a seat",
                    "the person is " + current.status + " on " + on.flightNumber + " (entry " + current.id
                            + "); move that entry instead");
        }
        boolean infant = n.vulnerabilitySet().contains(Vulnerability.INFANT);
        int seats = infant && hasFreeLap(f.id, n.householdId) ? 0 : 1;
        requireSeats(f, seats);
        ManifestEntry e = newEntry(f.id, n.id, n.householdId, n.nationality, n.displayName, n.preferredLanguage, seats,
                PriorityClass.of(n.vulnerabilitySet()), "added by " + actor + ": " + request.reason());
        e.persist();
        events.manifested(e);
        audit.record(actor, AuditLog.Action.ADDED, f.id, e.id, e.nationalId, f.flightNumber + ": " + request.reason());
        return EntryView.of(e);
    }

    /** Moves the entry (and its household's other movable entries on the flight) to another flight. */
    @Transactional
    public List<EntryView> move(UUID flightId, UUID entryId, ManifestRequests.Move request, String actor) {
        if (request.toFlightId().equals(flightId)) {
            throw ProblemException.invalid("toFlightId", "/toFlightId", "must be another flight than the entry's");
        }
        // Both flights locked, in id order, so that two moves in opposite directions cannot deadlock.
        Flight from;
        Flight to;
        if (flightId.compareTo(request.toFlightId()) < 0) {
            from = Flights.locked(flightId);
            to = lockedTarget(request.toFlightId());
        } else {
            to = lockedTarget(request.toFlightId());
            from = Flights.locked(flightId);
        }
        requireOpen(to);
        ManifestEntry entry = entry(flightId, entryId);
        requireMovable(entry);
        List<ManifestEntry> moving = new ArrayList<>();
        moving.add(entry);
        if (request.household()) {
            ManifestEntry.<ManifestEntry>list("flightId = ?1 AND householdId = ?2 AND id <> ?3 AND status IN ?4 "
                            + "ORDER BY nationalId", flightId, entry.householdId, entry.id,
                    List.of(ManifestStatus.ASSIGNED, ManifestStatus.CONFIRMED)).forEach(moving::add);
        }
        requireSeats(to, moving.stream().mapToInt(e -> e.seats).sum());
        Instant now = Instant.now();
        for (ManifestEntry e : moving) {
            e.status = ManifestStatus.CANCELLED;
            e.updatedAt = now;
            events.statusChanged(e);
        }
        // The old entries must give up their seats in the database before the new ones take theirs.
        entityManager.flush();
        List<EntryView> moved = new ArrayList<>();
        for (ManifestEntry e : moving) {
            ManifestEntry n = newEntry(to.id, e.nationalId, e.householdId, e.nationality, e.displayName,
                    e.preferredLanguage, e.seats, e.priority, "moved from " + from.flightNumber + " by " + actor + ": "
                            + request.reason());
            copyDocument(e, n);
            n.persist();
            events.manifested(n);
            audit.record(actor, AuditLog.Action.MOVED, from.id, e.id, e.nationalId,
                    "to " + to.flightNumber + " (entry " + n.id + "): " + request.reason());
            audit.record(actor, AuditLog.Action.MOVED, to.id, n.id, n.nationalId,
                    "from " + from.flightNumber + " (entry " + e.id + "): " + request.reason());
            moved.add(EntryView.of(n));
        }
        return moved;
    }

    @Transactional
    public EntryView offload(UUID flightId, UUID entryId, ManifestRequests.Offload request, String actor) {
        Flight f = Flights.locked(flightId);
        if (f.state == org.muster.evacuation.flight.FlightState.DEPARTED) {
            throw ProblemException.conflict("flight-departed", "The flight has left", f.flightNumber + " departed");
        }
        ManifestEntry e = entry(flightId, entryId);
        if (!e.status.holdsSeat()) {
            throw ProblemException.conflict("entry-not-holding", "The passenger holds no seat",
                    "the entry is " + e.status);
        }
        ManifestStatus before = e.status;
        // Before check-in the allocation is withdrawn; after it the passenger is taken off.
        e.status = before == ManifestStatus.CHECKED_IN || before == ManifestStatus.BOARDED
                ? ManifestStatus.OFFLOADED : ManifestStatus.CANCELLED;
        e.updatedAt = Instant.now();
        events.statusChanged(e);
        audit.record(actor, e.status == ManifestStatus.OFFLOADED ? AuditLog.Action.OFFLOADED : AuditLog.Action.CANCELLED,
                f.id, e.id, e.nationalId, before + " -> " + e.status + ": " + request.reason());
        entityManager.flush();
        return EntryView.of(e);
    }

    @Transactional
    public EntryView recordDocument(UUID flightId, UUID entryId, ManifestRequests.Document d, String actor) {
        ManifestEntry e = entry(flightId, entryId);
        if (!e.status.holdsSeat()) {
            throw ProblemException.conflict("entry-not-holding", "The passenger holds no seat", "the entry is " + e.status);
        }
        e.documentNumber = d.documentNumber().toUpperCase(Locale.ROOT);
        e.documentType = d.documentType() == null ? "P" : d.documentType();
        e.issuingState = d.issuingState();
        e.surname = d.surname().strip();
        e.givenNames = d.givenNames() == null ? null : d.givenNames().strip();
        e.dateOfBirth = d.dateOfBirth();
        e.updatedAt = Instant.now();
        audit.record(actor, AuditLog.Action.DOCUMENT_RECORDED, flightId, e.id, e.nationalId,
                e.documentType + " issued by " + e.issuingState);
        entityManager.flush();
        return EntryView.of(e);
    }

    public static ManifestEntry entry(UUID flightId, UUID entryId) {
        ManifestEntry e = ManifestEntry.findById(entryId);
        if (e == null || !e.flightId.equals(flightId)) {
            throw ProblemException.notFound("no manifest entry " + entryId + " on flight " + flightId);
        }
        return e;
    }

    /** The entry that holds a seat for the person, on any flight, or null. */
    public static ManifestEntry holding(UUID nationalId) {
        return ManifestEntry.<ManifestEntry>find("nationalId = ?1 AND status IN ?2", nationalId,
                List.of(ManifestStatus.ASSIGNED, ManifestStatus.CONFIRMED, ManifestStatus.CHECKED_IN,
                        ManifestStatus.BOARDED)).firstResult();
    }

    private static Flight lockedTarget(UUID id) {
        Flight f = Flight.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            throw ProblemException.invalid("toFlightId", "/toFlightId", "no flight has this id");
        }
        return f;
    }

    private static void requireOpen(Flight f) {
        if (!f.state.takesAllocations()) {
            throw ProblemException.conflict("flight-closed", "The flight takes no more passengers",
                    f.flightNumber + " is " + f.state);
        }
    }

    private static void requireMovable(ManifestEntry e) {
        if (e.status != ManifestStatus.ASSIGNED && e.status != ManifestStatus.CONFIRMED) {
            throw ProblemException.conflict("entry-not-movable", "Only passengers not yet checked in can be moved",
                    "the entry is " + e.status + "; offload it instead");
        }
    }

    private void requireSeats(Flight f, int seats) {
        int free = f.allocatableSeats() - flights.seatsTaken(f.id);
        if (seats > free) {
            throw ProblemException.conflict("flight-full", "Not enough seats",
                    f.flightNumber + " has " + Math.max(0, free) + " seats free, " + seats + " needed");
        }
    }

    /** Whether the household has a seated member on the flight whose lap no infant takes yet. */
    private static boolean hasFreeLap(UUID flightId, UUID householdId) {
        List<ManifestEntry> members = ManifestEntry.list("flightId = ?1 AND householdId = ?2 AND status IN ?3",
                flightId, householdId, List.of(ManifestStatus.ASSIGNED, ManifestStatus.CONFIRMED,
                        ManifestStatus.CHECKED_IN, ManifestStatus.BOARDED));
        long seated = members.stream().filter(m -> m.seats > 0).count();
        long onLaps = members.stream().filter(m -> m.seats == 0).count();
        return seated > onLaps;
    }

    static ManifestEntry newEntry(UUID flightId, UUID nationalId, UUID householdId, String nationality,
                                  String displayName, String language, int seats, PriorityClass priority, String reason) {
        ManifestEntry e = new ManifestEntry();
        e.id = UUID.randomUUID();
        e.flightId = flightId;
        e.nationalId = nationalId;
        e.householdId = householdId;
        e.nationality = nationality;
        e.displayName = displayName;
        e.preferredLanguage = language;
        e.seats = seats;
        e.priority = priority;
        e.status = ManifestStatus.ASSIGNED;
        e.reason = reason;
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        return e;
    }

    private static void copyDocument(ManifestEntry from, ManifestEntry to) {
        to.documentNumber = from.documentNumber;
        to.documentType = from.documentType;
        to.issuingState = from.issuingState;
        to.surname = from.surname;
        to.givenNames = from.givenNames;
        to.dateOfBirth = from.dateOfBirth;
        to.sex = from.sex;
        to.documentNationality = from.documentNationality;
        to.documentExpiresOn = from.documentExpiresOn;
    }
}

package org.muster.evacuation.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.muster.contracts.common.ManifestStatus;
import org.muster.evacuation.audit.AuditLog;
import org.muster.evacuation.flight.Flight;
import org.muster.evacuation.flight.FlightState;
import org.muster.evacuation.flight.Flights;
import org.muster.evacuation.manifest.EntryView;
import org.muster.evacuation.manifest.ManifestEntry;
import org.muster.evacuation.manifest.ManifestEvents;
import org.muster.evacuation.manifest.Manifests;
import org.muster.platform.mrz.Mrz;
import org.muster.platform.mrz.MrzDocument;
import org.muster.platform.mrz.MrzResult;
import org.muster.platform.mrz.Problem.WrongCheckDigit;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The evacuation control point: check-in by passport or ID card MRZ, or by entry id, and
 * boarding, by MRZ or by entry id.
 *
 * <p>Registry never publishes document numbers, so a manifest entry learns its passenger's
 * document one of two ways: an officer records it beforehand (PUT .../document), or the first
 * scan records it. A scan matches, in this order: (1) an entry on any flight whose recorded
 * document has the scanned number, date of birth and surname ({@link MrzDocument#matches});
 * (2) an entry without a recorded document whose name is the scanned name, if there is exactly
 * one such on the flight (then the scan records the document on it). A match on another flight
 * is refused with that flight's number. Boarding by a scan at the gate matches the same way.
 */
@ApplicationScoped
public class CheckIn {

    /** What a check-in did, and how the passenger was found. */
    public record Result(EntryView entry, String matchedBy) {
    }

    @Inject
    Flights flights;

    @Inject
    ManifestEvents events;

    @Inject
    AuditLog audit;

    @Transactional
    public Result byMrz(UUID flightId, String scanned, String actor) {
        Flight flight = Flights.locked(flightId);
        requireCheckIn(flight);
        MrzDocument doc = parse(scanned);
        Match match = match(flight, doc);
        String how = match.how() + ("NAME".equals(match.matchedBy()) ? ", document recorded" : "");
        return new Result(checkIn(flight, match.entry(), doc, actor, how), match.matchedBy());
    }

    @Transactional
    public Result byEntry(UUID flightId, UUID entryId, String actor) {
        Flight flight = Flights.locked(flightId);
        requireCheckIn(flight);
        return new Result(checkIn(flight, Manifests.entry(flightId, entryId), null, actor, "by entry id"), "ENTRY");
    }

    /**
     * Boarding at the gate by the MRZ of the document the passenger shows: read and matched
     * exactly as at check-in. A passenger not checked in, on another flight or unknown is refused
     * with that answer; one checked in by id without a document gets the scanned one recorded.
     */
    @Transactional
    public Result boardByMrz(UUID flightId, String scanned, String actor) {
        Flight flight = Flights.locked(flightId);
        requireBoarding(flight);
        MrzDocument doc = parse(scanned);
        Match match = match(flight, doc);
        return new Result(board(flight, match.entry(), doc, actor, match.how() + " at the gate"), match.matchedBy());
    }

    @Transactional
    public EntryView board(UUID flightId, UUID entryId, String actor) {
        Flight flight = Flights.locked(flightId);
        requireBoarding(flight);
        return board(flight, Manifests.entry(flightId, entryId), null, actor, "by entry id");
    }

    /** How a scan found its passenger on this flight. */
    private record Match(ManifestEntry entry, String matchedBy, String how) {
    }

    /**
     * The entry on {@code flight} the scanned document belongs to: by the document on record
     * (number, date of birth, surname) on any flight, else by name among the entries without a
     * document. On another flight, ambiguous or unknown: refused with that answer.
     */
    private static Match match(Flight flight, MrzDocument doc) {
        List<ManifestEntry> byDocument = ManifestEntry.<ManifestEntry>list("upper(documentNumber) = ?1 AND status IN ?2",
                        doc.documentNumber().toUpperCase(Locale.ROOT), holding()).stream()
                .filter(e -> e.dateOfBirth != null && doc.matches(e.documentNumber, e.dateOfBirth, e.surname))
                .toList();
        if (!byDocument.isEmpty()) {
            ManifestEntry here = byDocument.stream().filter(e -> e.flightId.equals(flight.id)).findFirst()
                    .orElseThrow(() -> onAnotherFlight(byDocument.get(0)));
            return new Match(here, "DOCUMENT", "MRZ, document on record");
        }
        List<ManifestEntry> byName = ManifestEntry.<ManifestEntry>list("documentNumber IS NULL AND status IN ?1",
                        holding()).stream()
                .filter(e -> PassengerNames.sameAs(e.displayName, doc.givenNames(), doc.surname()))
                .toList();
        List<ManifestEntry> here = byName.stream().filter(e -> e.flightId.equals(flight.id)).toList();
        if (here.size() > 1) {
            throw ProblemException.conflict("passenger-ambiguous", "More than one passenger has this name",
                    here.size() + " passengers on " + flight.flightNumber + " are named " + doc.givenNames() + " "
                            + doc.surname() + " and none has this document on record: use the entry id");
        }
        if (here.size() == 1) {
            return new Match(here.get(0), "NAME", "MRZ, matched by name");
        }
        if (!byName.isEmpty()) {
            throw onAnotherFlight(byName.get(0));
        }
        throw new ProblemException(Problem.of("passenger-unknown", "Passenger not on any manifest",
                404, "no manifest entry holds " + doc.documentCode() + " " + doc.documentNumber() + " of " + doc.surname()
                        + ", " + doc.givenNames() + " born " + doc.birthDate().raw() + ", and no passenger without a "
                        + "document on record has that name"));
    }

    private EntryView board(Flight flight, ManifestEntry e, MrzDocument doc, String actor, String how) {
        if (e.status == ManifestStatus.BOARDED) {
            return EntryView.of(e);
        }
        if (e.status != ManifestStatus.CHECKED_IN) {
            throw ProblemException.conflict("not-checked-in", "Only checked-in passengers board",
                    "the entry is " + e.status + (e.status == ManifestStatus.ASSIGNED || e.status == ManifestStatus.CONFIRMED
                            ? ": check the passenger in first" : ""));
        }
        boolean recorded = doc != null && !e.hasDocument();
        if (recorded) {
            record(e, doc);
        }
        e.status = ManifestStatus.BOARDED;
        e.boardedAt = Instant.now();
        e.updatedAt = e.boardedAt;
        events.statusChanged(e);
        audit.record(actor, AuditLog.Action.BOARDED, flight.id, e.id, e.nationalId, flight.flightNumber + ", " + how
                + (recorded ? ", document recorded" : ""));
        ManifestEntry.getEntityManager().flush();
        return EntryView.of(e);
    }

    private EntryView checkIn(Flight flight, ManifestEntry e, MrzDocument doc, String actor, String how) {
        if (e.status == ManifestStatus.CHECKED_IN || e.status == ManifestStatus.BOARDED) {
            return EntryView.of(e);
        }
        if (e.status != ManifestStatus.ASSIGNED && e.status != ManifestStatus.CONFIRMED) {
            throw ProblemException.conflict("entry-not-holding", "The passenger holds no seat on this flight",
                    "the entry is " + e.status);
        }
        if (doc != null) {
            record(e, doc);
        }
        e.status = ManifestStatus.CHECKED_IN;
        e.checkedInAt = Instant.now();
        e.updatedAt = e.checkedInAt;
        events.statusChanged(e);
        audit.record(actor, AuditLog.Action.CHECKED_IN, flight.id, e.id, e.nationalId, flight.flightNumber + ", " + how);
        ManifestEntry.getEntityManager().flush();
        return EntryView.of(e);
    }

    /** The scanned document becomes the entry's document on record. */
    private static void record(ManifestEntry e, MrzDocument doc) {
        e.documentNumber = doc.documentNumber();
        e.documentType = doc.documentCode();
        e.issuingState = doc.issuingState();
        e.surname = doc.surname();
        e.givenNames = doc.givenNames();
        doc.birthDate().toLocalDate().ifPresent(d -> e.dateOfBirth = d);
        e.sex = doc.sex().name();
        e.documentNationality = doc.nationality();
        e.documentExpiresOn = doc.expiryDate();
    }

    private static MrzDocument parse(String scanned) {
        MrzResult result = Mrz.parse(scanned);
        if (result instanceof MrzResult.Valid valid) {
            return valid.document();
        }
        List<Problem.FieldError> errors = ((MrzResult.Invalid) result).problems().stream()
                .map(p -> new Problem.FieldError("mrz", "/mrz", p instanceof WrongCheckDigit w
                        ? w.message() + " (read '" + w.found() + "', expected " + w.expected() + ")" : p.message()))
                .toList();
        throw new ProblemException(Problem.invalid("The machine readable zone was not read correctly; see errors.", errors));
    }

    private static void requireCheckIn(Flight flight) {
        if (!flight.state.checksIn()) {
            throw ProblemException.conflict("check-in-closed", "Check-in is not open",
                    flight.flightNumber + " is " + flight.state);
        }
    }

    private static void requireBoarding(Flight flight) {
        if (flight.state != FlightState.BOARDING) {
            throw ProblemException.conflict("not-boarding", "The flight is not boarding",
                    flight.flightNumber + " is " + flight.state);
        }
    }

    private static ProblemException onAnotherFlight(ManifestEntry e) {
        Flight other = Flight.findById(e.flightId);
        return ProblemException.conflict("passenger-on-another-flight", "The passenger is on another flight",
                "this passenger is " + e.status + " on " + other.flightNumber + " departing " + other.scheduledDeparture
                        + " (entry " + e.id + ")");
    }

    private static List<ManifestStatus> holding() {
        return List.of(ManifestStatus.ASSIGNED, ManifestStatus.CONFIRMED, ManifestStatus.CHECKED_IN,
                ManifestStatus.BOARDED);
    }
}

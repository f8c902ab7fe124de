package org.muster.evacuation.confirmation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.contracts.common.ManifestStatus;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.evacuation.audience.National;
import org.muster.evacuation.audit.AuditLog;
import org.muster.evacuation.flight.AssemblyPoint;
import org.muster.evacuation.flight.Flight;
import org.muster.evacuation.flight.Flights;
import org.muster.evacuation.manifest.ManifestEntry;
import org.muster.evacuation.manifest.ManifestEvents;
import org.muster.platform.outbox.Outbox;
import org.muster.platform.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Confirms assigned passengers: each entry becomes CONFIRMED and each passenger who can be reached
 * gets one message (a DeliveryRequested on {@code muster.delivery.requests}, sent by notifier)
 * with the flight, the assembly point and the reporting time, in their language.
 *
 * <p>The request's "campaign" is the manifest entry: its id is
 * {@code <entryId>:<nationalId>:<channel>}, so a retried confirmation is the same request to
 * notifier, while a passenger moved to another flight (a new entry) gets a new message.
 */
@ApplicationScoped
public class Confirmations {

    /** What a confirmation did. */
    public record Result(int confirmed, int messages, List<UUID> unreachable) {
    }

    @Inject
    ManifestEvents events;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Transactional
    public Result confirm(UUID flightId, List<UUID> entryIds, String actor) {
        Flight f = Flights.locked(flightId);
        if (!f.state.takesAllocations() && f.state != org.muster.evacuation.flight.FlightState.BOARDING) {
            throw ProblemException.conflict("flight-closed", "The flight takes no more confirmations",
                    f.flightNumber + " is " + f.state);
        }
        if (f.assemblyPointId == null || f.reportingTime == null) {
            throw ProblemException.conflict("no-assembly-point", "The flight has no assembly point yet",
                    "set where and when passengers of " + f.flightNumber + " report (PUT /flights/" + f.id
                            + "/assembly) before confirming them");
        }
        AssemblyPoint point = AssemblyPoint.findById(f.assemblyPointId);
        List<ManifestEntry> entries = entryIds == null || entryIds.isEmpty()
                ? ManifestEntry.list("flightId = ?1 AND status = ?2 ORDER BY id", f.id, ManifestStatus.ASSIGNED)
                : entries(f.id, entryIds);
        Instant now = Instant.now();
        int messages = 0;
        List<UUID> unreachable = new ArrayList<>();
        for (ManifestEntry e : entries) {
            e.status = ManifestStatus.CONFIRMED;
            e.confirmedAt = now;
            e.updatedAt = now;
            events.statusChanged(e);
            National n = National.findById(e.nationalId);
            Optional<NationalSnapshot.ContactPoint> contact = n == null ? Optional.empty() : n.contactPoints.stream()
                    .filter(c -> !c.optedOut())
                    .min(Comparator.comparingInt(NationalSnapshot.ContactPoint::preference));
            if (contact.isPresent()) {
                NationalSnapshot.ContactPoint c = contact.get();
                ConfirmationMessages.Message m = ConfirmationMessages.render(n.preferredLanguage,
                        new ConfirmationMessages.Seat(f.flightNumber, f.carrier, f.origin, f.destination,
                                f.scheduledDeparture, point.name, point.place, f.reportingTime,
                                point.instructionsIn(n.preferredLanguage)));
                // The language of the text as sent: the passenger's when a template exists for it.
                String language = m.language().equals(primary(n.preferredLanguage)) ? n.preferredLanguage : m.language();
                outbox.record(new DeliveryRequested(DeliveryRequested.requestIdOf(e.id, e.nationalId, c.channel()), e.id,
                        e.nationalId, c.channel(), c.address(), language, c.channel() == Channel.EMAIL ? m.subject() : null,
                        m.body(), DeliveryPriority.LEAVE_NOW, f.reportingTime, 0, now));
                messages++;
            } else {
                unreachable.add(e.id);
            }
            audit.record(actor, AuditLog.Action.CONFIRMED, f.id, e.id, e.nationalId, contact.isPresent()
                    ? "confirmation sent by " + contact.get().channel() : "no contact point to send the confirmation to");
        }
        ManifestEntry.getEntityManager().flush();
        return new Result(entries.size(), messages, unreachable);
    }

    private static List<ManifestEntry> entries(UUID flightId, List<UUID> ids) {
        List<ManifestEntry> entries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ManifestEntry e = ManifestEntry.findById(ids.get(i));
            if (e == null || !e.flightId.equals(flightId)) {
                throw ProblemException.invalid("entryIds[" + i + "]", "/entryIds/" + i, "no such entry on this flight");
            }
            if (e.status != ManifestStatus.ASSIGNED) {
                throw ProblemException.invalid("entryIds[" + i + "]", "/entryIds/" + i,
                        "the entry is " + e.status + "; only ASSIGNED entries are confirmed");
            }
            entries.add(e);
        }
        return entries;
    }

    private static String primary(String tag) {
        return tag == null ? "" : java.util.Locale.forLanguageTag(tag).getLanguage();
    }
}

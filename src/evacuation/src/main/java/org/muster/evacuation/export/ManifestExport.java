package org.muster.evacuation.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.muster.contracts.common.ManifestStatus;
import org.muster.evacuation.audit.AuditLog;
import org.muster.evacuation.flight.Flight;
import org.muster.evacuation.flight.Flights;
import org.muster.evacuation.manifest.ManifestEntry;

import java.util.List;
import java.util.UUID;

/** Reads a flight and its passengers for an export, and audits that it was exported. */
@ApplicationScoped
public class ManifestExport {

    /** What an export is made of. */
    public record Snapshot(Flight flight, List<ManifestEntry> passengers) {
    }

    @Inject
    AuditLog audit;

    /** The flight with its entries that hold seats (the people expected on board), by name. */
    @Transactional
    public Snapshot of(UUID flightId, String actor, String format) {
        Flight f = Flights.find(flightId);
        List<ManifestEntry> entries = ManifestEntry.list("flightId = ?1 AND status IN ?2 ORDER BY surname, displayName, id",
                f.id, List.of(ManifestStatus.ASSIGNED, ManifestStatus.CONFIRMED, ManifestStatus.CHECKED_IN,
                        ManifestStatus.BOARDED));
        audit.record(actor, AuditLog.Action.EXPORTED, f.id, null, null, format + ", " + entries.size() + " passengers");
        return new Snapshot(f, entries);
    }
}

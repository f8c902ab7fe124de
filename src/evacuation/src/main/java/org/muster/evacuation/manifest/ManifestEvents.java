package org.muster.evacuation.manifest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.muster.contracts.evacuation.ManifestEntryStatusChanged;
import org.muster.contracts.evacuation.PassengerManifested;
import org.muster.platform.outbox.Outbox;

import java.time.Instant;

/** Manifest events on {@code muster.evacuation.manifests} (key flight id), through the outbox. */
@ApplicationScoped
public class ManifestEvents {

    @Inject
    Outbox outbox;

    public void manifested(ManifestEntry e) {
        outbox.record(new PassengerManifested(e.flightId, e.id, e.nationalId, e.householdId, e.nationality, e.status,
                e.seats, Instant.now()));
    }

    public void statusChanged(ManifestEntry e) {
        outbox.record(new ManifestEntryStatusChanged(e.flightId, e.id, e.nationalId, e.householdId, e.nationality,
                e.status, e.seats, Instant.now()));
    }
}

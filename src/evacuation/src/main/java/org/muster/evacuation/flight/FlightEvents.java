package org.muster.evacuation.flight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.muster.contracts.evacuation.FlightChanged;
import org.muster.contracts.evacuation.FlightScheduled;
import org.muster.platform.outbox.Outbox;

import java.time.Instant;

/** Flight events on {@code muster.evacuation.manifests}, through the outbox, in the caller's transaction. */
@ApplicationScoped
public class FlightEvents {

    @Inject
    Outbox outbox;

    public void scheduled(Flight f) {
        outbox.record(new FlightScheduled(f.id, f.carrier, f.flightNumber, f.origin, f.destination,
                f.scheduledDeparture, f.evacueeSeats(), f.state.published(), Instant.now()));
    }

    public void changed(Flight f) {
        outbox.record(new FlightChanged(f.id, f.carrier, f.flightNumber, f.origin, f.destination,
                f.scheduledDeparture, f.evacueeSeats(), f.state.published(), Instant.now()));
    }
}

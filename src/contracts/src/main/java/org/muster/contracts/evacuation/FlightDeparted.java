package org.muster.contracts.evacuation;

import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.EventPayload;

/**
 * A flight left: on {@code muster.evacuation.manifests}, key {@link #flightId()}.
 *
 * @param flightId the flight
 * @param departedAt actual departure
 * @param passengersBoarded passengers on board
 * @param occurredAt when this was recorded
 */
public record FlightDeparted(
        UUID flightId,
        Instant departedAt,
        int passengersBoarded,
        Instant occurredAt) implements EventPayload {

    public static final String TYPE = "org.muster.evacuation.FlightDeparted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventKey() {
        return flightId.toString();
    }

    @Override
    public Instant eventTime() {
        return occurredAt;
    }
}

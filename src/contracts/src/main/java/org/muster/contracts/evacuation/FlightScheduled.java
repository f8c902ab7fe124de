package org.muster.contracts.evacuation;

import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.EventPayload;
import org.muster.contracts.common.FlightStatus;

/**
 * A flight was added to the evacuation plan: on {@code muster.evacuation.manifests}, key
 * {@link #flightId()}.
 *
 * @param flightId the flight
 * @param carrier operator name
 * @param flightNumber IATA or ICAO flight number
 * @param origin IATA code of the departure airport
 * @param destination IATA code of the arrival airport
 * @param scheduledDeparture planned departure
 * @param seats seats Muster may allocate
 * @param status the flight's status
 * @param occurredAt when this was recorded
 */
public record FlightScheduled(
        UUID flightId,
        String carrier,
        String flightNumber,
        String origin,
        String destination,
        Instant scheduledDeparture,
        int seats,
        FlightStatus status,
        Instant occurredAt) implements EventPayload {

    public static final String TYPE = "org.muster.evacuation.FlightScheduled.v1";

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

package org.muster.evacuation.flight;

import java.time.Instant;
import java.util.UUID;

/**
 * A flight as staff read it, with its seat count: {@code seatsFree} is what the allocation may
 * still give to nationals (seats minus held back, partner quota and seats taken).
 */
public record FlightView(UUID id, String carrier, String flightNumber, String aircraftType, int seats, int seatsHeldBack,
                         int partnerQuota, int seatsTaken, int seatsFree, String origin, String destination,
                         Instant scheduledDeparture, Instant checkInCloses, FlightState status, UUID assemblyPointId,
                         Instant reportingTime, Instant departedAt, long version) {

    public static FlightView of(Flight f, int seatsTaken) {
        return new FlightView(f.id, f.carrier, f.flightNumber, f.aircraftType, f.seats, f.seatsHeldBack, f.partnerQuota,
                seatsTaken, Math.max(0, f.allocatableSeats() - seatsTaken), f.origin, f.destination,
                f.scheduledDeparture, f.checkInCloses, f.state, f.assemblyPointId, f.reportingTime, f.departedAt,
                f.version);
    }
}

package org.muster.evacuation.flight;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.muster.contracts.Patterns;

import java.time.Instant;

/** A flight as an officer plans or changes it. */
public record FlightRequest(
        @NotBlank @Size(max = 100) String carrier,
        @NotNull @Pattern(regexp = Patterns.FLIGHT_NUMBER,
                message = "must be a flight number or call sign such as QR8401 or RCH871") String flightNumber,
        @NotBlank @Size(max = 60) String aircraftType,
        @NotNull @Min(1) @Max(1000) Integer seats,
        @Min(0) @Max(1000) Integer seatsHeldBack,
        @Min(0) @Max(1000) Integer partnerQuota,
        @NotNull @Pattern(regexp = Patterns.IATA_AIRPORT,
                message = "must be an IATA airport code of 3 capital letters, e.g. KBL") String origin,
        @NotNull @Pattern(regexp = Patterns.IATA_AIRPORT,
                message = "must be an IATA airport code of 3 capital letters, e.g. DOH") String destination,
        @NotNull Instant scheduledDeparture,
        @NotNull Instant checkInCloses) {

    public int heldBack() {
        return seatsHeldBack == null ? 0 : seatsHeldBack;
    }

    public int quota() {
        return partnerQuota == null ? 0 : partnerQuota;
    }
}

package org.muster.evacuation.flight;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An evacuation flight: who flies it, how many seats evacuees may have, when it leaves. */
@Entity
@Table(name = "flight")
public class Flight extends PanacheEntityBase {

    @Id
    public UUID id;
    public String carrier;
    /** Flight number or call sign, e.g. QR8401 or RCH871. */
    public String flightNumber;
    public String aircraftType;
    public int seats;
    /** Crew, officials, security: seats never offered to evacuees. */
    public int seatsHeldBack;
    /** Seats kept for partner embassies' nationals. */
    public int partnerQuota;
    /** IATA. */
    public String origin;
    /** IATA. */
    public String destination;
    public Instant scheduledDeparture;
    public Instant checkInCloses;
    @Enumerated(EnumType.STRING)
    public FlightState state;
    public UUID assemblyPointId;
    public Instant reportingTime;
    public Instant departedAt;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** Seats the allocation may give to nationals. */
    public int allocatableSeats() {
        return seats - seatsHeldBack - partnerQuota;
    }

    /** Seats open to evacuees (nationals and partners'), as published. */
    public int evacueeSeats() {
        return seats - seatsHeldBack;
    }
}

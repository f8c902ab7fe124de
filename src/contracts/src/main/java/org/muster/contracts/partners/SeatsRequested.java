package org.muster.contracts.partners;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.muster.contracts.EventPayload;
import org.muster.contracts.common.Vulnerability;

/**
 * A partner embassy asked for seats for its nationals: on {@code muster.partners.requests},
 * key {@link #requestId()}.
 *
 * @param requestId the seat request
 * @param partnerCountry ISO 3166-1 alpha-2 code of the partner
 * @param flightId the flight asked for; null for any
 * @param destination IATA code wanted; null for any
 * @param passengers the people to seat
 * @param occurredAt when the partner asked
 */
public record SeatsRequested(
        UUID requestId,
        String partnerCountry,
        UUID flightId,
        String destination,
        List<Passenger> passengers,
        Instant occurredAt) implements EventPayload {

    public static final String TYPE = "org.muster.partners.SeatsRequested.v1";

    /** A null passenger list becomes empty; the list is an immutable copy. */
    public SeatsRequested {
        passengers = passengers == null ? List.of() : List.copyOf(passengers);
    }

    /**
     * One person a partner asks a seat for.
     *
     * @param passengerId Muster's id for the passenger
     * @param partnerReference the partner's own reference
     * @param displayName name
     * @param nationality ISO 3166-1 alpha-2 code
     * @param householdId household travelling together
     * @param seats seats needed (0 for an infant on a lap)
     * @param vulnerabilities needs that raise priority
     */
    public record Passenger(
            UUID passengerId,
            String partnerReference,
            String displayName,
            String nationality,
            UUID householdId,
            int seats,
            List<Vulnerability> vulnerabilities) {

        /** A null list becomes empty; the list is an immutable copy. */
        public Passenger {
            vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
        }
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventKey() {
        return requestId.toString();
    }

    @Override
    public Instant eventTime() {
        return occurredAt;
    }
}

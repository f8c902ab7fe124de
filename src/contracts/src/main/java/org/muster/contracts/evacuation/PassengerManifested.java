package org.muster.contracts.evacuation;

import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.EventPayload;
import org.muster.contracts.common.ManifestStatus;

/**
 * A national was put on a flight's manifest: on {@code muster.evacuation.manifests}, key
 * {@link #flightId()}.
 *
 * @param flightId the flight
 * @param entryId the manifest entry
 * @param nationalId the passenger
 * @param householdId the passenger's household
 * @param nationality ISO 3166-1 alpha-2 code (partners see only their own)
 * @param status the entry's status
 * @param seats seats the entry holds (0 for an infant on a lap)
 * @param occurredAt when this was recorded
 */
public record PassengerManifested(
        UUID flightId,
        UUID entryId,
        UUID nationalId,
        UUID householdId,
        String nationality,
        ManifestStatus status,
        int seats,
        Instant occurredAt) implements EventPayload {

    public static final String TYPE = "org.muster.evacuation.PassengerManifested.v1";

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

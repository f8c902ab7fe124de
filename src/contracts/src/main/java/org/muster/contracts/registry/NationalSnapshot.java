package org.muster.contracts.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.muster.contracts.EventPayload;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.common.WelfareStatus;

/**
 * The current state of one national, as the audience other services project: published by
 * registry on {@code muster.registry.nationals} (compacted), Kafka key {@link #nationalId()}.
 * A new snapshot replaces the previous one for the same key; consumers keep the one with the
 * highest {@link #version()}.
 *
 * <p><strong>Erasure</strong> is a Kafka tombstone: same key, {@code null} value, CloudEvents headers
 * of type {@link #ERASED_TYPE} and no content type. Every consumer then deletes all it holds
 * about that national.
 *
 * <p>Never carries identity document numbers.
 *
 * @param nationalId the national, also the Kafka key
 * @param householdId the household the national travels with
 * @param nationality ISO 3166-1 alpha-2 code
 * @param preferredLanguage BCP 47 tag of the language messages should use
 * @param location last known location
 * @param contactPoints ways to reach the national
 * @param vulnerabilities needs that raise priority; empty when none
 * @param welfareStatus last known welfare
 * @param evacuationStatus where the national stands in the evacuation
 * @param displayName name for staff screens and greetings
 * @param version increases with every change; orders snapshots
 * @param occurredAt when this version was recorded
 */
public record NationalSnapshot(
        UUID nationalId,
        UUID householdId,
        String nationality,
        String preferredLanguage,
        Location location,
        List<ContactPoint> contactPoints,
        List<Vulnerability> vulnerabilities,
        WelfareStatus welfareStatus,
        EvacuationStatus evacuationStatus,
        String displayName,
        long version,
        Instant occurredAt) implements EventPayload {

    public static final String TYPE = "org.muster.registry.NationalSnapshot.v1";

    /** The CloudEvents type of the tombstone that erases a national (no data). */
    public static final String ERASED_TYPE = "org.muster.registry.NationalErased.v1";

    /** Null collections become empty; collections are immutable copies. */
    public NationalSnapshot {
        contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
    }

    /**
     * Where a national is.
     *
     * @param country ISO 3166-1 alpha-2 code
     * @param region ISO 3166-2 code, null when unknown
     * @param city city or district, null when unknown
     */
    public record Location(String country, String region, String city) {
    }

    /**
     * One way to reach a national.
     *
     * @param channel the channel
     * @param address E.164 number, or e-mail address for {@link Channel#EMAIL}
     * @param verified whether the national proved control of the address
     * @param optedOut whether the national answered STOP: nothing may be sent there
     * @param preference rank, 1 = try first
     */
    public record ContactPoint(Channel channel, String address, boolean verified, boolean optedOut, int preference) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventKey() {
        return nationalId.toString();
    }

    @Override
    public Instant eventTime() {
        return occurredAt;
    }
}

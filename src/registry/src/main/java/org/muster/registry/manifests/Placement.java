package org.muster.registry.manifests;

import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.ManifestStatus;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A national's place on a flight's manifest, and the rules that turn manifest changes into the
 * registry's evacuation status.
 *
 * <p>Events of one flight arrive in order (they share its key), but events of two flights do
 * not: a person moved from flight A to flight B may have B's "assigned" read before A's
 * "cancelled". So an event about another entry than the current one counts only if it gives the
 * person a seat and is newer; one that takes a seat away counts only for the current entry.
 */
public record Placement(UUID flightId, UUID entryId, ManifestStatus status, Instant changedAt) {

    /** The placement after an event, or empty if the event is stale and changes nothing. */
    public static Optional<Placement> after(Placement current, UUID flightId, UUID entryId, ManifestStatus status,
                                            Instant occurredAt) {
        Placement next = new Placement(flightId, entryId, status, occurredAt);
        if (current == null) {
            return Optional.of(next);
        }
        if (current.entryId.equals(entryId)) {
            return occurredAt.isBefore(current.changedAt) ? Optional.empty() : Optional.of(next);
        }
        return status.holdsSeat() && occurredAt.isAfter(current.changedAt) ? Optional.of(next) : Optional.empty();
    }

    /**
     * The evacuation status a manifest status means. Losing a seat (no-show, offloaded,
     * cancelled) puts the person back among those waiting: they asked to leave and have not.
     */
    public static EvacuationStatus evacuationStatus(ManifestStatus status) {
        return switch (status) {
            case ASSIGNED, CONFIRMED -> EvacuationStatus.MANIFESTED;
            case CHECKED_IN, BOARDED -> EvacuationStatus.CHECKED_IN;
            case NO_SHOW, OFFLOADED, CANCELLED -> EvacuationStatus.REQUESTED;
        };
    }
}

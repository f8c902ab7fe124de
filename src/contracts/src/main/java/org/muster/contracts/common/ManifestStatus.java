package org.muster.contracts.common;

/** Status of one passenger's entry on a flight manifest. */
public enum ManifestStatus {
    /** A seat is allocated, the passenger has not confirmed yet. */
    ASSIGNED,
    /** The passenger confirmed they will come. */
    CONFIRMED,
    /** Checked in at the control point (passport MRZ read). */
    CHECKED_IN,
    /** On board. */
    BOARDED,
    /** Did not show up before check-in closed. */
    NO_SHOW,
    /** Removed from the flight after check-in or boarding. */
    OFFLOADED,
    /** The allocation was withdrawn before check-in. */
    CANCELLED;

    /** Whether the entry still holds its seats. */
    public boolean holdsSeat() {
        return this == ASSIGNED || this == CONFIRMED || this == CHECKED_IN || this == BOARDED;
    }
}

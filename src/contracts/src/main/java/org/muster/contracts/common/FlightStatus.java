package org.muster.contracts.common;

/** Status of an evacuation flight. */
public enum FlightStatus {
    SCHEDULED,
    CHECK_IN_OPEN,
    BOARDING,
    DELAYED,
    DEPARTED,
    CANCELLED
}

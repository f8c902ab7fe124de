package org.muster.evacuation.flight;

import org.muster.contracts.common.FlightStatus;

import java.util.EnumSet;
import java.util.Set;

/**
 * A flight's lifecycle: planned, confirmed (the carrier committed the aircraft), check-in open,
 * boarding, closed (doors shut: whoever has not boarded is a no-show), departed; cancelled from
 * any state before boarding.
 */
public enum FlightState {
    PLANNED, CONFIRMED, CHECK_IN_OPEN, BOARDING, CLOSED, DEPARTED, CANCELLED;

    /** The states a flight may move to from this one. */
    public Set<FlightState> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(CHECK_IN_OPEN, CANCELLED);
            case CHECK_IN_OPEN -> EnumSet.of(BOARDING, CANCELLED);
            case BOARDING -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(DEPARTED);
            case DEPARTED, CANCELLED -> EnumSet.noneOf(FlightState.class);
        };
    }

    /** Whether the allocation may still put people on the flight. */
    public boolean takesAllocations() {
        return this == PLANNED || this == CONFIRMED || this == CHECK_IN_OPEN;
    }

    /** Whether passengers can be checked in. */
    public boolean checksIn() {
        return this == CHECK_IN_OPEN || this == BOARDING;
    }

    /** The status other services see: the same lifecycle, one for one. */
    public FlightStatus published() {
        return switch (this) {
            case PLANNED -> FlightStatus.PLANNED;
            case CONFIRMED -> FlightStatus.CONFIRMED;
            case CHECK_IN_OPEN -> FlightStatus.CHECK_IN_OPEN;
            case BOARDING -> FlightStatus.BOARDING;
            case CLOSED -> FlightStatus.CLOSED;
            case DEPARTED -> FlightStatus.DEPARTED;
            case CANCELLED -> FlightStatus.CANCELLED;
        };
    }
}

package org.muster.contracts.common;

/**
 * Status of an evacuation flight, in the order of its lifecycle: planned, confirmed by the
 * carrier, check-in open, boarding, closed (doors shut: whoever has not boarded is a no-show),
 * departed; cancelled from any status before boarding.
 *
 * <p>{@link #SCHEDULED} and {@link #DELAYED} are kept so that events and consumers written
 * before evacuation published its own lifecycle still read: evacuation never publishes them
 * (a flight it has not confirmed yet is {@link #PLANNED}; a new departure time is a
 * {@code FlightChanged} with the new {@code scheduledDeparture}). A consumer that meets
 * {@code SCHEDULED} should read it as planned or confirmed.
 */
public enum FlightStatus {
    /** In the plan; takes allocations; the carrier has not committed the aircraft yet. */
    PLANNED,
    /** The carrier committed the aircraft and the slot; takes allocations. */
    CONFIRMED,
    /** Not published by evacuation: planned or confirmed, from before those existed. */
    SCHEDULED,
    /** Passengers are checked in at the control point; still takes allocations. */
    CHECK_IN_OPEN,
    /** Checked-in passengers board. */
    BOARDING,
    /** Doors closed: those not on board are no-shows; the flight has not left yet. */
    CLOSED,
    /** Not published by evacuation: a new departure time comes as a changed {@code scheduledDeparture}. */
    DELAYED,
    /** The flight left with the boarded passengers, who are evacuated. */
    DEPARTED,
    /** The flight will not fly; every seat on it was given back. */
    CANCELLED
}

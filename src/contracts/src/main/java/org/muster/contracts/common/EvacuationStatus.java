package org.muster.contracts.common;

/** Where a national stands in the evacuation, as registry records it from their requests and the manifests. */
public enum EvacuationStatus {
    /** Has not asked to leave. */
    NOT_REQUESTED,
    /** Asked for a seat, not yet on a manifest. */
    REQUESTED,
    /** On a flight's manifest (assigned or confirmed). */
    MANIFESTED,
    /** Checked in at the evacuation control point. */
    CHECKED_IN,
    /** Boarded a flight that departed. */
    EVACUATED,
    /** Chose to stay. */
    DECLINED
}

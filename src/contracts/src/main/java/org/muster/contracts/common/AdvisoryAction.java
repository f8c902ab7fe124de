package org.muster.contracts.common;

/**
 * What an advisory tells the people in its area to do now (issue #4). The CAP 1.2
 * {@code <responseType>} follows from the action and, for {@link #NONE}, from the level: alerts
 * maps it (see alerts' README, "CAP 1.2 mapping").
 */
public enum AdvisoryAction {
    /** Leave the country or area immediately, by any available means. */
    LEAVE_IMMEDIATELY,
    /** Stay where you are, indoors, until told otherwise. */
    SHELTER_IN_PLACE,
    /** Go to the assembly point the instructions name. */
    GO_TO_ASSEMBLY_POINT,
    /** No immediate action: the level alone is the advice. */
    NONE
}

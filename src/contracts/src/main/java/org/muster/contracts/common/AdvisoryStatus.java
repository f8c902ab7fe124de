package org.muster.contracts.common;

/** Whether an advisory is real or part of an exercise or test: the OASIS CAP 1.2 {@code <status>} values that can be published. */
public enum AdvisoryStatus {
    /** Actionable by all targeted recipients. */
    ACTUAL("Actual"),
    /** For exercise participants only. */
    EXERCISE("Exercise"),
    /** Technical testing only; to be discarded by recipients. */
    TEST("Test");

    private final String capValue;

    AdvisoryStatus(String capValue) {
        this.capValue = capValue;
    }

    /** The CAP {@code <status>} value. */
    public String capValue() {
        return capValue;
    }
}

package org.muster.contracts.common;

/**
 * Travel advisory level, issue #4's four steps, from the least to the most severe (declaration
 * order is severity order). What people should do about it is the {@link AdvisoryAction}.
 */
public enum AdvisoryLevel {
    /** Exercise normal precautions. CAP severity Minor. */
    EXERCISE_NORMAL_PRECAUTIONS("Minor"),
    /** Exercise increased caution. CAP severity Moderate. */
    INCREASED_CAUTION("Moderate"),
    /** Reconsider travel. CAP severity Severe. */
    RECONSIDER_TRAVEL("Severe"),
    /** Do not travel. CAP severity Extreme. */
    DO_NOT_TRAVEL("Extreme");

    private final String capSeverity;

    AdvisoryLevel(String capSeverity) {
        this.capSeverity = capSeverity;
    }

    /** The OASIS CAP 1.2 {@code <severity>} value. */
    public String capSeverity() {
        return capSeverity;
    }

    /** Whether this level is at least as severe as {@code other}. */
    public boolean isAtLeast(AdvisoryLevel other) {
        return compareTo(other) >= 0;
    }
}

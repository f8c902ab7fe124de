package org.muster.contracts.common;

/** Travel advisory level, from the least to the most severe (declaration order is severity order). */
public enum AdvisoryLevel {
    /** Take normal security precautions. CAP severity Minor. */
    NORMAL_PRECAUTIONS("Minor"),
    /** Exercise a high degree of caution. CAP severity Moderate. */
    HIGH_CAUTION("Moderate"),
    /** Avoid non-essential travel. CAP severity Severe. */
    AVOID_NON_ESSENTIAL_TRAVEL("Severe"),
    /** Avoid all travel. CAP severity Severe. */
    AVOID_ALL_TRAVEL("Severe"),
    /** Leave immediately by any available means. CAP severity Extreme. */
    LEAVE_NOW("Extreme");

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

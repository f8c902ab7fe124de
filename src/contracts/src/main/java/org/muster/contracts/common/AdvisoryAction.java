package org.muster.contracts.common;

/** What an advisory tells people to do: the OASIS CAP 1.2 {@code <responseType>} values. */
public enum AdvisoryAction {
    SHELTER("Shelter"),
    EVACUATE("Evacuate"),
    PREPARE("Prepare"),
    EXECUTE("Execute"),
    AVOID("Avoid"),
    MONITOR("Monitor"),
    ASSESS("Assess"),
    ALL_CLEAR("AllClear"),
    NONE("None");

    private final String capValue;

    AdvisoryAction(String capValue) {
        this.capValue = capValue;
    }

    /** The CAP {@code <responseType>} value. */
    public String capValue() {
        return capValue;
    }
}

package org.muster.contracts.common;

/** What the embassy knows of a national's safety. */
public enum WelfareStatus {
    /** No answer yet. */
    UNKNOWN,
    /** The national said they are safe. */
    SAFE,
    /** The national asked for help. */
    NEEDS_HELP,
    /** Every known contact point failed. */
    UNREACHABLE
}

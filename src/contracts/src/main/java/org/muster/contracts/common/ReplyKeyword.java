package org.muster.contracts.common;

/** The meaning notifier recognised in an inbound reply. */
public enum ReplyKeyword {
    /** The sender is safe. */
    SAFE,
    /** The sender needs help. */
    HELP,
    /** Stop sending on this channel (opt-out). */
    STOP,
    /** Resume sending on this channel (opt back in). */
    START,
    /** Free text without a recognised keyword. */
    NONE
}

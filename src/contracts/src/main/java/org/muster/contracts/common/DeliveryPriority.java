package org.muster.contracts.common;

/**
 * Dispatch priority of a delivery request. Declaration order is dispatch order: notifier sends every
 * pending {@link #LEAVE_NOW} message before any {@link #URGENT} one, and so on.
 */
public enum DeliveryPriority {
    /** Campaigns for an advisory saying leave immediately or go to the assembly point, and seat confirmations with a reporting time. */
    LEAVE_NOW,
    /** Other time-critical messages: welfare checks, flight changes. */
    URGENT,
    /** Everything else. */
    ROUTINE
}

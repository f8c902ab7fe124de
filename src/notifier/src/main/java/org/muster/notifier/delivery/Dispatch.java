package org.muster.notifier.delivery;

/** Where the dispatcher stands with a delivery; the public status is {@link Delivery#status}. */
public enum Dispatch {
    /** A lower step of the recipient's channel plan is still pending: sent only if that one fails. */
    WAITING,
    /** Due for sending at {@link Delivery#nextAttemptAt}. */
    READY,
    /** Claimed by a dispatcher that is talking to the provider now (persisted before the call). */
    IN_FLIGHT,
    /** Its campaign is paused: held until the officer resumes it (or cancels it). */
    PAUSED,
    /** Nothing more to send; only provider callbacks may still change the status. */
    DONE
}

package org.muster.contracts.common;

/** State of one message delivery, as notifier and the provider's status callbacks report it. */
public enum DeliveryStatus {
    /** Accepted and stored by notifier, waiting for the provider's rate limit. */
    QUEUED,
    /** Handed to the provider. */
    SENT,
    /** The provider confirmed delivery (for voice: the call was answered). */
    DELIVERED,
    /** The recipient read it (WhatsApp read receipt). */
    READ,
    /** The provider rejected it, or sending failed after every retry. */
    FAILED,
    /** The provider could not deliver it (for voice: busy, no answer). */
    UNDELIVERED,
    /** Its validity ended before it could be sent. */
    EXPIRED,
    /** Withdrawn before sending (campaign cancelled, recipient opted out). */
    CANCELLED;

    /** Whether no further status is expected, apart from {@link #READ} after {@link #DELIVERED}. */
    public boolean isFinal() {
        return this != QUEUED && this != SENT;
    }

    /** Whether the message reached the recipient. */
    public boolean isSuccessful() {
        return this == DELIVERED || this == READ;
    }

    /** Whether the next channel of the campaign's fallback order should be tried. */
    public boolean needsFallback() {
        return this == FAILED || this == UNDELIVERED;
    }
}

package org.muster.notifier.delivery;

import org.muster.contracts.common.DeliveryStatus;

/**
 * Statuses only move forward: callbacks can arrive out of order (Twilio sends them concurrently), and a
 * late {@code sent} must not undo {@code delivered}.
 */
public final class StatusRanks {

    private StatusRanks() {
    }

    public static int rank(DeliveryStatus status) {
        return switch (status) {
            case QUEUED -> 0;
            case SENT -> 1;
            case DELIVERED, UNDELIVERED, FAILED, EXPIRED, CANCELLED -> 2;
            case READ -> 3;
        };
    }

    /** Whether a delivery in {@code current} may move to {@code next}. */
    public static boolean canMove(DeliveryStatus current, DeliveryStatus next) {
        if (next == DeliveryStatus.READ) {
            // Only a delivered message can be read.
            return current == DeliveryStatus.DELIVERED || current == DeliveryStatus.SENT;
        }
        return rank(next) > rank(current);
    }
}

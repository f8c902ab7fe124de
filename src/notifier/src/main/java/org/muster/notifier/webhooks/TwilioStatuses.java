package org.muster.notifier.webhooks;

import java.util.Optional;
import org.muster.contracts.common.DeliveryStatus;

/** Twilio's message and call statuses in Muster's terms; the in-between ones change nothing. */
final class TwilioStatuses {

    private TwilioStatuses() {
    }

    static Optional<DeliveryStatus> ofMessage(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (status) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "undelivered" -> DeliveryStatus.UNDELIVERED;
            case "failed" -> DeliveryStatus.FAILED;
            case "canceled" -> DeliveryStatus.CANCELLED;
            default -> null; // accepted, scheduled, queued, sending: still on its way
        });
    }

    static Optional<DeliveryStatus> ofCall(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (status) {
            case "completed" -> DeliveryStatus.DELIVERED; // answered and finished
            case "busy", "no-answer" -> DeliveryStatus.UNDELIVERED;
            case "failed" -> DeliveryStatus.FAILED;
            case "canceled" -> DeliveryStatus.CANCELLED;
            default -> null; // queued, initiated, ringing, in-progress
        });
    }

    /** Busy and no-answer come without an error code: give them one of their own. */
    static String errorCode(String reported, String status) {
        if (reported != null && !reported.isBlank()) {
            return reported;
        }
        return switch (status == null ? "" : status) {
            case "busy" -> "CALL_BUSY";
            case "no-answer" -> "CALL_NO_ANSWER";
            case "failed" -> "CALL_FAILED";
            default -> null;
        };
    }
}

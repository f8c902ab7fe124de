package org.muster.devstack.twilio;

import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a message or call after Twilio accepted it, chosen by the last four digits of the recipient's
 * number, in the spirit of Twilio's magic test numbers:
 *
 * <table>
 *   <caption>Outcome by recipient number</caption>
 *   <tr><th>Number ends in</th><th>Message (SMS, WhatsApp)</th><th>Call</th></tr>
 *   <tr><td>0003</td><td>{@code failed}, 30003 Unreachable destination handset</td><td>{@code no-answer}</td></tr>
 *   <tr><td>0005</td><td>{@code undelivered}, 30005 Unknown destination handset</td><td>{@code failed}</td></tr>
 *   <tr><td>0006</td><td>{@code undelivered}, 30006 Landline or unreachable carrier</td><td>{@code completed}
 *       (a landline answers calls)</td></tr>
 *   <tr><td>0007</td><td>{@code sent}, and no report after it</td><td>{@code completed}</td></tr>
 *   <tr><td>anything else</td><td>{@code delivered}</td><td>{@code completed}</td></tr>
 * </table>
 *
 * <p>Messages go {@code [accepted →] queued → sent → delivered | undelivered}, or {@code queued → failed} when
 * they never leave Twilio. Calls go {@code queued → initiated → ringing → in-progress → completed}, or stop at
 * {@code ringing → no-answer} or {@code initiated → failed}.
 */
enum DeliveryOutcome {

    // Number suffix, message status, error code and message, call status.
    DELIVERED(null, "delivered", null, null, "completed"),
    UNREACHABLE("0003", "failed", 30003, "Unreachable destination handset", "no-answer"),
    UNKNOWN_DESTINATION("0005", "undelivered", 30005, "Unknown destination handset", "failed"),
    LANDLINE("0006", "undelivered", 30006, "Landline or unreachable carrier", "completed"),
    /** The carrier never reports: the message stays {@code sent}, as with some networks in a crisis. */
    NO_REPORT("0007", "sent", null, null, "completed");

    final String suffix;
    final String messageStatus;
    final Integer errorCode;
    final String errorMessage;
    final String callStatus;

    DeliveryOutcome(String suffix, String messageStatus, Integer errorCode, String errorMessage, String callStatus) {
        this.suffix = suffix;
        this.messageStatus = messageStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.callStatus = callStatus;
    }

    static DeliveryOutcome forNumber(String number) {
        for (DeliveryOutcome outcome : values()) {
            if (outcome.suffix != null && number.endsWith(outcome.suffix)) {
                return outcome;
            }
        }
        return DELIVERED;
    }

    /** Statuses after the one returned on creation, in order; the last carries {@link #errorCode} if any. */
    List<String> messageStatusesAfter(String initialStatus) {
        List<String> statuses = new ArrayList<>();
        if ("accepted".equals(initialStatus)) {
            statuses.add("queued");
        }
        if (!"failed".equals(messageStatus) && !"sent".equals(messageStatus)) {
            statuses.add("sent");
        }
        statuses.add(messageStatus);
        return statuses;
    }

    /** Call statuses after {@code queued}, in order. */
    List<String> callStatusesAfterQueued() {
        return switch (callStatus) {
            case "failed" -> List.of("initiated", "failed");
            case "no-answer" -> List.of("initiated", "ringing", "no-answer");
            default -> List.of("initiated", "ringing", "in-progress", "completed");
        };
    }
}

package org.muster.notifier.delivery;

import java.util.regex.Pattern;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.platform.inbox.IncomingEvent;

/**
 * What a request must hold before it is stored: one that fails here can never be sent, so it goes to the
 * dead-letter topic rather than becoming a delivery.
 */
final class RequestChecks {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private RequestChecks() {
    }

    static void check(DeliveryRequested request) {
        require(request.requestId() != null && request.campaignId() != null && request.recipientId() != null
                && request.channel() != null && request.priority() != null && request.validUntil() != null,
                "requestId, campaignId, recipientId, channel, priority and validUntil are required");
        require(request.requestId().equals(
                DeliveryRequested.requestIdOf(request.campaignId(), request.recipientId(), request.channel())),
                "requestId is not campaignId:recipientId:channel");
        require(request.body() != null && !request.body().isBlank(), "body is required");
        require(request.language() != null && !request.language().isBlank(), "language is required");
        require(request.address() != null, "address is required");
        // The columns' sizes: a value too long would fail the insert of the whole poll, not just this request.
        require(request.language().length() <= 35, "language is longer than 35 characters");
        require(request.address().length() <= 254, "address is longer than 254 characters");
        require(request.subject() == null || request.subject().length() <= 200,
                "subject is longer than 200 characters");
        if (request.channel() == Channel.EMAIL) {
            require(EMAIL.matcher(request.address()).matches(), "address is not an e-mail address");
            require(request.subject() != null && !request.subject().isBlank(), "subject is required for EMAIL");
        } else {
            require(E164.matcher(request.address()).matches(), "address is not an E.164 number");
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IncomingEvent.MalformedEventException("delivery request refused: " + problem);
        }
    }
}

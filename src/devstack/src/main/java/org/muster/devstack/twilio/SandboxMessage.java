package org.muster.devstack.twilio;

import java.net.URI;
import java.time.Instant;

/**
 * A message the sandbox accepted (outbound) or a phone sent (inbound), as it stands now. Immutable: a status
 * change replaces the stored instance.
 *
 * @param direction           {@code outbound-api} or {@code inbound}
 * @param from                sender address, with {@code whatsapp:} prefix on that channel
 * @param to                  recipient address, with {@code whatsapp:} prefix on that channel
 * @param messagingServiceSid null when sent from a number
 * @param encoding            {@code GSM-7} or {@code UCS-2}
 * @param errorCode           null unless failed or undelivered
 * @param statusCallback      null when none was given
 * @param validityPeriod      seconds, null when none was given
 * @param dateSent            null until sent
 * @param traceParent         the W3C trace context the sender's request carried ({@code traceparent}), or null
 */
public record SandboxMessage(String sid, String accountSid, String direction, String from, String to, String body,
                             String messagingServiceSid, String status, Integer errorCode, String errorMessage,
                             int numSegments, String encoding, URI statusCallback, Integer validityPeriod,
                             Instant dateCreated, Instant dateUpdated, Instant dateSent, String traceParent) {

    public boolean inbound() {
        return "inbound".equals(direction);
    }

    /** The phone this message was on: the recipient of an outbound message, the sender of an inbound one. */
    public String handset() {
        return PhoneNumbers.handset(inbound() ? from : to);
    }

    /** {@code sms} or {@code whatsapp}. */
    public String channel() {
        return PhoneNumbers.channel(inbound() ? from : to);
    }

    SandboxMessage withStatus(String newStatus, Integer newErrorCode, String newErrorMessage, String newFrom,
                              Instant now) {
        Instant sent = dateSent == null && "sent".equals(newStatus) ? now : dateSent;
        return new SandboxMessage(sid, accountSid, direction, newFrom, to, body, messagingServiceSid, newStatus,
                newErrorCode, newErrorMessage, numSegments, encoding, statusCallback, validityPeriod, dateCreated,
                now, sent, traceParent);
    }
}

package org.muster.contracts.notifier;

import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.EventPayload;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.ReplyKeyword;

/**
 * Someone answered a message. Key {@link #recipientId()}, or {@link #from()} when the sender's
 * address matches no known contact point. Registry updates welfare status (SAFE, HELP) and
 * opt-outs (STOP, START) from it; alerts counts answers per campaign.
 *
 * @param replyId notifier's id of the reply
 * @param recipientId national id of the sender, if their address is known
 * @param campaignId campaign the reply answers, if it can be told (the last message sent to them)
 * @param channel channel the reply came on
 * @param from sender's E.164 number, or e-mail address for {@link Channel#EMAIL}
 * @param keyword the recognised keyword, {@link ReplyKeyword#NONE} for free text
 * @param text the reply as received (for voice, the key pressed or transcription)
 * @param receivedAt when the provider received it
 */
public record ReplyReceived(
        UUID replyId,
        UUID recipientId,
        UUID campaignId,
        Channel channel,
        String from,
        ReplyKeyword keyword,
        String text,
        Instant receivedAt) implements EventPayload {

    public static final String TYPE = "org.muster.notifier.ReplyReceived.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventKey() {
        return recipientId != null ? recipientId.toString() : from;
    }

    @Override
    public Instant eventTime() {
        return receivedAt;
    }
}

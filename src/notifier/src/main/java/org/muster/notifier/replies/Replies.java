package org.muster.notifier.replies;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.ReplyKeyword;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.notifier.delivery.Delivery;
import org.muster.notifier.sending.VoiceScript;
import org.muster.platform.contact.PhoneNumbers;
import org.muster.platform.outbox.Outbox;
import org.muster.platform.problem.ProblemException;

/**
 * Answers from phones become {@link ReplyReceived} events, recorded once per provider message. The sender is
 * matched to the person by number: the recipient (and campaign) of the latest delivery notifier sent to that
 * number. An unknown number still produces an event, keyed by the number, and its text is kept for staff.
 */
@ApplicationScoped
public class Replies {

    @Inject
    Outbox outbox;

    @Transactional
    public Reply fromMessage(String messageSid, String from, String body, Instant at) {
        if (messageSid == null || from == null) {
            throw ProblemException.invalid("From", "/From", "MessageSid and From are required");
        }
        Reply known = Reply.find("providerId", messageSid).firstResult();
        if (known != null) {
            return known;
        }
        Channel channel = PhoneNumbers.isWhatsapp(from) ? Channel.WHATSAPP : Channel.SMS;
        String number = PhoneNumbers.stripWhatsapp(from);
        Delivery latest = Delivery.<Delivery>find("address = ?1 and channel in ?2 order by createdAt desc", number,
                List.of(Channel.SMS, Channel.WHATSAPP, Channel.VOICE)).firstResult();
        String text = body == null ? "" : body;
        return record(messageSid, latest, channel, number, ReplyKeywords.match(text), text, at);
    }

    /** The digit pressed during an alert call: 1 safe, 2 needs help; answered with a spoken thank-you. */
    @Transactional
    public String fromKeypad(UUID deliveryId, String callSid, String digits, Instant at) {
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null || delivery.channel != Channel.VOICE) {
            throw ProblemException.notFound("no call for delivery " + deliveryId);
        }
        String providerId = (callSid == null ? delivery.providerId : callSid) + "/gather";
        if (Reply.count("providerId", providerId) == 0) {
            ReplyKeyword keyword = switch (digits == null ? "" : digits.strip()) {
                case "1" -> ReplyKeyword.SAFE;
                case "2" -> ReplyKeyword.HELP;
                default -> ReplyKeyword.NONE;
            };
            record(providerId, delivery, Channel.VOICE, delivery.address, keyword, digits == null ? "" : digits, at);
        }
        return VoiceScript.thanks(delivery.language);
    }

    private Reply record(String providerId, Delivery latest, Channel channel, String from, ReplyKeyword keyword,
                         String text, Instant at) {
        Reply reply = new Reply();
        reply.id = UUID.randomUUID();
        reply.providerId = providerId;
        reply.recipientId = latest == null ? null : latest.recipientId;
        reply.campaignId = latest == null ? null : latest.campaignId;
        reply.channel = channel;
        reply.fromAddress = from;
        reply.keyword = keyword;
        reply.text = text;
        reply.receivedAt = at;
        reply.persist();
        outbox.record(new ReplyReceived(reply.id, reply.recipientId, reply.campaignId, channel, from, keyword, text,
                at));
        return reply;
    }
}

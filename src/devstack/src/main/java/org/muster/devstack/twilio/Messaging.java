package org.muster.devstack.twilio;

import org.muster.devstack.twilio.WebhookDispatcher.Webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.muster.devstack.twilio.TwilioApiError.badRequest;

/**
 * The messaging side of the sandbox: validates and accepts outbound messages, walks them through their statuses
 * ({@link DeliveryOutcome}), and takes inbound messages from phones, with Twilio's default opt-out keywords.
 */
final class Messaging {

    /** Twilio's default opt-out, opt-in and help keywords: the whole body, any case. */
    private static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> OPT_IN = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP = Set.of("HELP", "INFO");

    private static final int MAX_BODY_LENGTH = 1600;
    private static final int MAX_VALIDITY_PERIOD = 36_000;
    /** Twilio's delivery-receipt timestamp, yyMMddHHmm. */
    private static final DateTimeFormatter RAW_DLR_DATE =
            DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

    private final TwilioSandbox.Config config;
    private final SandboxStore store;
    private final TokenBucket rateLimiter;
    private final WebhookDispatcher webhooks;
    private final Clock clock;

    Messaging(TwilioSandbox.Config config, SandboxStore store, TokenBucket rateLimiter, WebhookDispatcher webhooks,
              Clock clock) {
        this.config = config;
        this.store = store;
        this.rateLimiter = rateLimiter;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** {@code POST Messages.json}: the accepted message, or a {@link TwilioApiError}. */
    /** @param traceParent the W3C trace context the request carried (kept on the message), or null */
    SandboxMessage send(Map<String, List<String>> form, String traceParent) {
        String to = Forms.first(form, "To");
        String from = Forms.first(form, "From");
        String serviceSid = Forms.first(form, "MessagingServiceSid");
        String body = Forms.first(form, "Body");

        if (to == null) {
            throw badRequest(21604, "A 'To' phone number is required.");
        }
        if (from == null && serviceSid == null) {
            throw badRequest(21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
        }
        if (body == null) {
            throw badRequest(21602, "Message body is required.");
        }
        String handset = PhoneNumbers.handset(to);
        if (!PhoneNumbers.isE164(handset)) {
            throw badRequest(21211, "The 'To' number " + to + " is not a valid phone number.");
        }
        if (from != null) {
            checkSender(from, to);
        }
        ApiFault.check(store, handset);
        if (body.length() > MAX_BODY_LENGTH) {
            throw badRequest(21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        Integer validityPeriod = validityPeriod(Forms.first(form, "ValidityPeriod"));
        URI statusCallback = callbackUrl(Forms.first(form, "StatusCallback"));
        boolean whatsApp = PhoneNumbers.isWhatsApp(to);
        // Landlines and opt-outs are SMS notions: WhatsApp has its own opt-in rules and no keyword handling.
        if (!whatsApp && config.landlineNumbers().contains(handset)) {
            throw badRequest(21614, "'To' number is not a valid mobile number");
        }
        if (!whatsApp && store.isUnsubscribed(handset)) {
            throw badRequest(21610, "Attempt to send to unsubscribed recipient");
        }
        // Only messages that would really go out use the sender's throughput.
        long wait = rateLimiter.tryAcquire();
        if (wait > 0) {
            throw TwilioApiError.tooManyRequests(wait);
        }

        SmsSegments.Count count = SmsSegments.count(body);
        Instant now = clock.instant();
        String initialStatus = serviceSid != null ? "accepted" : "queued";
        SandboxMessage message = new SandboxMessage(Sids.next("SM"), config.accountSid(), "outbound-api", from, to,
                body, serviceSid, initialStatus, null, null,
                whatsApp ? 1 : count.segments(), // WhatsApp messages are not split into SMS segments
                count.encoding().label, statusCallback, validityPeriod, now, now, null, traceParent);
        store.add(message);
        progress(message);
        return message;
    }

    /** A phone sends {@code body} to {@code to}: stored, opt-out keywords applied, webhook posted if configured. */
    SandboxMessage receive(String from, String to, String body) {
        if (from == null || !PhoneNumbers.isE164(PhoneNumbers.handset(from))) {
            throw new IllegalArgumentException("'from' must be an E.164 number, optionally whatsapp:, not " + from);
        }
        if (to == null || !(PhoneNumbers.isE164(PhoneNumbers.handset(to)) || to.matches("[0-9]{5,6}"))) {
            throw new IllegalArgumentException("'to' must be an E.164 number or a short code, not " + to);
        }
        if (body == null) {
            throw new IllegalArgumentException("'body' is required");
        }
        SmsSegments.Count count = SmsSegments.count(body);
        Instant now = clock.instant();
        SandboxMessage message = new SandboxMessage(Sids.next("SM"), config.accountSid(), "inbound", from, to, body,
                null, "received", null, null, count.segments(), count.encoding().label, null, null, now, now, now, null);

        String keyword = body.strip().toUpperCase(Locale.ROOT);
        String optOutType = null;
        if (!PhoneNumbers.isWhatsApp(from)) {
            if (OPT_OUT.contains(keyword)) {
                store.unsubscribe(message.handset());
                optOutType = "STOP";
            } else if (OPT_IN.contains(keyword)) {
                store.resubscribe(message.handset());
                optOutType = "START";
            } else if (HELP.contains(keyword)) {
                optOutType = "HELP";
            }
        }
        store.add(message);

        URI webhook = config.inboundWebhookUrl();
        if (webhook != null) {
            Map<String, String> params = inboundParams(message, optOutType);
            webhooks.runInOrder(List.of(() -> Optional.of(new Webhook(webhook, params))));
        }
        return message;
    }

    private void progress(SandboxMessage message) {
        DeliveryOutcome outcome = DeliveryOutcome.forNumber(message.handset());
        List<String> statuses = outcome.messageStatusesAfter(message.status());
        List<Supplier<Optional<Webhook>>> steps = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            String status = statuses.get(i);
            boolean last = i == statuses.size() - 1;
            Integer errorCode = last ? outcome.errorCode : null;
            String errorMessage = last ? outcome.errorMessage : null;
            steps.add(() -> store.updateMessage(message.sid(),
                            m -> m.withStatus(status, errorCode, errorMessage, sender(m), clock.instant()))
                    .filter(m -> m.statusCallback() != null)
                    .map(m -> new Webhook(m.statusCallback(), statusParams(m))));
        }
        webhooks.runInOrder(steps);
    }

    /** A Messaging Service picks its sender once the message is queued. */
    private String sender(SandboxMessage message) {
        if (message.from() != null) {
            return message.from();
        }
        return (PhoneNumbers.isWhatsApp(message.to()) ? PhoneNumbers.WHATSAPP : "") + config.serviceSenderNumber();
    }

    /** The fields of Twilio's message status callback. */
    private Map<String, String> statusParams(SandboxMessage message) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SmsSid", message.sid());
        params.put("SmsStatus", message.status());
        params.put("MessageStatus", message.status());
        params.put("To", message.to());
        if (message.messagingServiceSid() != null) {
            params.put("MessagingServiceSid", message.messagingServiceSid());
        }
        params.put("MessageSid", message.sid());
        params.put("AccountSid", message.accountSid());
        params.put("From", message.from());
        params.put("ApiVersion", TwilioJson.API_VERSION);
        if (message.errorCode() != null) {
            params.put("ErrorCode", String.valueOf(message.errorCode()));
        }
        if (Set.of("delivered", "undelivered").contains(message.status())) {
            params.put("RawDlrDoneDate", RAW_DLR_DATE.format(message.dateUpdated()));
        }
        if (PhoneNumbers.isWhatsApp(message.to())) {
            params.put("ChannelPrefix", "whatsapp");
        }
        return params;
    }

    /** The fields of Twilio's incoming-message webhook. */
    private Map<String, String> inboundParams(SandboxMessage message, String optOutType) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SmsMessageSid", message.sid());
        params.put("NumMedia", "0");
        params.put("SmsSid", message.sid());
        params.put("SmsStatus", "received");
        params.put("Body", message.body());
        params.put("To", message.to());
        params.put("NumSegments", String.valueOf(message.numSegments()));
        params.put("MessageSid", message.sid());
        params.put("AccountSid", message.accountSid());
        params.put("From", message.from());
        params.put("ApiVersion", TwilioJson.API_VERSION);
        if (optOutType != null) {
            params.put("OptOutType", optOutType);
        }
        return params;
    }

    private static void checkSender(String from, String to) {
        if (PhoneNumbers.isWhatsApp(from) != PhoneNumbers.isWhatsApp(to)) {
            throw badRequest(21910, "Invalid From and To pair. From and To should be of the same channel");
        }
        String sender = PhoneNumbers.handset(from);
        boolean valid = PhoneNumbers.isE164(sender)
                || !PhoneNumbers.isWhatsApp(from) && (PhoneNumbers.isAlphanumericSender(sender)
                || sender.matches("[0-9]{5,6}"));
        if (!valid) {
            throw badRequest(21212, "The 'From' number " + from
                    + " is not a valid phone number, shortcode, or alphanumeric sender ID.");
        }
    }

    private static Integer validityPeriod(String value) {
        if (value == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 1 && seconds <= MAX_VALIDITY_PERIOD) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // answered below, as Twilio does for any value outside 1..36000
        }
        throw badRequest(21624, "Invalid validity period value");
    }

    static URI callbackUrl(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI url = new URI(value);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw badRequest(21609, "Invalid 'StatusCallback': " + value);
    }
}

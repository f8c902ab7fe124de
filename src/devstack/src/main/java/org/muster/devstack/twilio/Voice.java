package org.muster.devstack.twilio;

import org.muster.devstack.twilio.WebhookDispatcher.Webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.muster.devstack.twilio.TwilioApiError.badRequest;

/**
 * The voice side of the sandbox: places calls and walks them through their statuses ({@link DeliveryOutcome}).
 * TwiML is kept, not executed.
 */
final class Voice {

    private static final Set<String> EVENTS = Set.of("initiated", "ringing", "answered", "completed");

    private final TwilioSandbox.Config config;
    private final SandboxStore store;
    private final WebhookDispatcher webhooks;
    private final Clock clock;

    Voice(TwilioSandbox.Config config, SandboxStore store, WebhookDispatcher webhooks, Clock clock) {
        this.config = config;
        this.store = store;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** {@code POST Calls.json}: the queued call, or a {@link TwilioApiError}. */
    SandboxCall place(Map<String, List<String>> form) {
        String to = Forms.first(form, "To");
        String from = Forms.first(form, "From");
        String twiml = Forms.first(form, "Twiml");
        String url = Forms.first(form, "Url");

        if (to == null) {
            throw badRequest(21201, "No 'To' number is specified");
        }
        if (from == null) {
            throw badRequest(21213, "No 'From' number is specified");
        }
        if (!PhoneNumbers.isE164(to)) {
            throw badRequest(21211, "The phone number you are attempting to call, " + to + ", is not valid.");
        }
        if (!PhoneNumbers.isE164(from)) {
            throw badRequest(21212, "The 'From' number " + from + " is not a valid phone number.");
        }
        if (twiml == null && url == null && Forms.first(form, "ApplicationSid") == null) {
            throw badRequest(21205, "A 'Url', 'Twiml' or 'ApplicationSid' parameter is required.");
        }
        ApiFault.check(store, to);
        URI twimlUrl = url == null ? null : Messaging.callbackUrl(url);
        URI statusCallback = Messaging.callbackUrl(Forms.first(form, "StatusCallback"));

        Instant now = clock.instant();
        SandboxCall call = new SandboxCall(Sids.next("CA"), config.accountSid(), from, to, "queued", twiml, twimlUrl,
                statusCallback, requestedEvents(form), now, now, null, null);
        store.add(call);
        progress(call);
        return call;
    }

    /** Twilio reports only {@code completed} unless other events are asked for. */
    private static Set<String> requestedEvents(Map<String, List<String>> form) {
        Set<String> events = new LinkedHashSet<>();
        for (String value : form.getOrDefault("StatusCallbackEvent", List.of())) {
            for (String event : value.trim().split("\\s+")) {
                if (EVENTS.contains(event)) {
                    events.add(event);
                }
            }
        }
        return events.isEmpty() ? Set.of("completed") : events;
    }

    private void progress(SandboxCall call) {
        AtomicInteger sequence = new AtomicInteger();
        List<Supplier<Optional<Webhook>>> steps = new ArrayList<>();
        for (String status : DeliveryOutcome.forNumber(call.to()).callStatusesAfterQueued()) {
            steps.add(() -> store.updateCall(call.sid(), c -> c.withStatus(status, clock.instant()))
                    .filter(c -> c.statusCallback() != null && c.statusCallbackEvents().contains(event(status)))
                    .map(c -> new Webhook(c.statusCallback(), statusParams(c, sequence.getAndIncrement()))));
        }
        webhooks.runInOrder(steps);
    }

    /** The status-callback event a call status belongs to; every final status is reported as {@code completed}. */
    private static String event(String status) {
        return switch (status) {
            case "initiated", "ringing" -> status;
            case "in-progress" -> "answered";
            default -> "completed";
        };
    }

    /** The fields of Twilio's call status callback. */
    private static Map<String, String> statusParams(SandboxCall call, int sequenceNumber) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Called", call.to());
        params.put("Caller", call.from());
        params.put("CallSid", call.sid());
        params.put("AccountSid", call.accountSid());
        params.put("From", call.from());
        params.put("To", call.to());
        params.put("CallStatus", call.status());
        params.put("Direction", "outbound-api");
        params.put("ApiVersion", TwilioJson.API_VERSION);
        params.put("CallbackSource", "call-progress-events");
        params.put("Timestamp", TwilioJson.date(call.dateUpdated()));
        params.put("SequenceNumber", String.valueOf(sequenceNumber));
        if (call.finished()) {
            params.put("CallDuration", String.valueOf(call.durationSeconds()));
            params.put("Duration", String.valueOf((call.durationSeconds() + 59) / 60));
        }
        return params;
    }
}

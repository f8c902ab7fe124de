package org.muster.devstack.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Messages and calls in the JSON shape of Twilio's 2010-04-01 API, which the SDK's {@code fromJson} parses. */
final class TwilioJson {

    static final String API_VERSION = "2010-04-01";

    /** RFC 2822, the format of every Twilio API date (the SDK parses exactly this pattern). */
    static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final ObjectMapper json;

    TwilioJson(ObjectMapper json) {
        this.json = json;
    }

    static String date(Instant instant) {
        return instant == null ? null : RFC_2822.format(instant);
    }

    static String messageUri(String accountSid, String sid) {
        return "/" + API_VERSION + "/Accounts/" + accountSid + "/Messages/" + sid;
    }

    static String callUri(String accountSid, String sid) {
        return "/" + API_VERSION + "/Accounts/" + accountSid + "/Calls/" + sid;
    }

    ObjectNode message(SandboxMessage message) {
        String uri = messageUri(message.accountSid(), message.sid());
        ObjectNode node = json.createObjectNode();
        node.put("account_sid", message.accountSid());
        node.put("api_version", API_VERSION);
        node.put("body", message.body());
        node.put("date_created", date(message.dateCreated()));
        node.put("date_sent", date(message.dateSent()));
        node.put("date_updated", date(message.dateUpdated()));
        node.put("direction", message.direction());
        node.put("error_code", message.errorCode());
        node.put("error_message", message.errorMessage());
        node.put("from", message.from());
        node.put("messaging_service_sid", message.messagingServiceSid());
        node.put("num_media", "0");
        node.put("num_segments", String.valueOf(message.numSegments()));
        node.putNull("price");
        node.put("price_unit", "USD");
        node.put("sid", message.sid());
        node.put("status", message.status());
        ObjectNode subresources = node.putObject("subresource_uris");
        subresources.put("media", uri + "/Media.json");
        subresources.put("feedback", uri + "/Feedback.json");
        node.put("to", message.to());
        node.put("uri", uri + ".json");
        return node;
    }

    ObjectNode call(SandboxCall call) {
        String uri = callUri(call.accountSid(), call.sid());
        ObjectNode node = json.createObjectNode();
        node.put("account_sid", call.accountSid());
        node.putNull("annotation");
        node.putNull("answered_by");
        node.put("api_version", API_VERSION);
        node.putNull("caller_name");
        node.put("date_created", date(call.dateCreated()));
        node.put("date_updated", date(call.dateUpdated()));
        node.put("direction", "outbound-api");
        node.put("duration", call.finished() ? String.valueOf(call.durationSeconds()) : null);
        node.put("end_time", date(call.endTime()));
        node.putNull("forwarded_from");
        node.put("from", call.from());
        node.put("from_formatted", call.from());
        node.putNull("group_sid");
        node.putNull("parent_call_sid");
        node.putNull("phone_number_sid");
        node.putNull("price");
        node.put("price_unit", "USD");
        node.put("queue_time", "0");
        node.put("sid", call.sid());
        node.put("start_time", date(call.startTime()));
        node.put("status", call.status());
        ObjectNode subresources = node.putObject("subresource_uris");
        subresources.put("notifications", uri + "/Notifications.json");
        subresources.put("recordings", uri + "/Recordings.json");
        subresources.put("events", uri + "/Events.json");
        node.put("to", call.to());
        node.put("to_formatted", call.to());
        node.putNull("trunk_sid");
        node.put("uri", uri + ".json");
        return node;
    }
}

package org.muster.contracts;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes travel as
 * Kafka headers (UTF-8 string values), the payload is the record value (JSON, see {@link EventJson}).
 *
 * <table>
 *   <caption>Headers set on every event</caption>
 *   <tr><th>header</th><th>value</th></tr>
 *   <tr><td>{@value #SPEC_VERSION}</td><td>{@value #SPEC_VERSION_VALUE}</td></tr>
 *   <tr><td>{@value #ID}</td><td>a UUID, unique per event; consumers deduplicate on it</td></tr>
 *   <tr><td>{@value #TYPE}</td><td>{@code org.muster.<service>.<Event>.v<n>}, see {@link #type(String, String)}</td></tr>
 *   <tr><td>{@value #SOURCE}</td><td>{@code /muster/<service>}, see {@link MusterService#source()}</td></tr>
 *   <tr><td>{@value #TIME}</td><td>RFC 3339 instant the fact occurred (the payload's {@link EventPayload#eventTime()})</td></tr>
 *   <tr><td>{@value #SUBJECT}</td><td>the aggregate id, equal to the Kafka key</td></tr>
 *   <tr><td>{@value #CONTENT_TYPE}</td><td>{@value #JSON}</td></tr>
 * </table>
 *
 * <p>A tombstone on a compacted topic (null value) is not a CloudEvent and carries no {@code ce_*}
 * header: consumers recognise it by its null value alone.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** In binary mode the CloudEvents {@code datacontenttype} maps to this header, without prefix. */
    public static final String CONTENT_TYPE = "content-type";

    /** The CloudEvents specification version Muster emits. */
    public static final String SPEC_VERSION_VALUE = "1.0";
    /** Content type of every event body. */
    public static final String JSON = "application/json";

    /** Every event type starts with this. */
    public static final String TYPE_PREFIX = "org.muster.";
    /** Every event source starts with this, followed by the service id. */
    public static final String SOURCE_PREFIX = "/muster/";

    /** Headers every event carries. */
    public static final List<String> REQUIRED = List.of(SPEC_VERSION, ID, TYPE, SOURCE, TIME, SUBJECT, CONTENT_TYPE);

    /** {@code org.muster.<service>.<Event>.v<n>}: lower-case service, UpperCamelCase past-tense event. */
    public static final Pattern TYPE_PATTERN = Pattern.compile(Patterns.EVENT_TYPE);

    private CloudEventHeaders() {
    }

    /** Type of version 1 of an event: {@code org.muster.<service>.<Event>.v1}. */
    public static String type(String service, String eventName) {
        return type(service, eventName, 1);
    }

    /**
     * Type of a given version of an event: {@code org.muster.<service>.<Event>.v<version>}. A new
     * version is needed for any change an existing consumer cannot ignore (removed or renamed field,
     * changed meaning, new enum constant); adding an optional field is not such a change.
     */
    public static String type(String service, String eventName, int version) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(eventName, "eventName");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1: " + version);
        }
        String type = TYPE_PREFIX + service + "." + eventName + ".v" + version;
        if (!TYPE_PATTERN.matcher(type).matches()) {
            throw new IllegalArgumentException("not a valid event type: " + type);
        }
        return type;
    }

    /** Whether {@code type} follows the naming rule. */
    public static boolean isValidType(String type) {
        return type != null && TYPE_PATTERN.matcher(type).matches();
    }
}

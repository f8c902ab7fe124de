package org.muster.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The JSON mapping of event bodies, the same in every service.
 *
 * <ul>
 *   <li>{@code java.time} values as ISO-8601 strings ({@code 2021-08-15T06:30:00Z},
 *       {@code 2021-08-15}), never numeric timestamps, and instants kept in UTC;</li>
 *   <li>null fields are left out (a missing optional field and a null one mean the same);</li>
 *   <li>unknown fields are ignored when reading, so that a producer may add an optional field
 *       without breaking consumers that do not know it yet;</li>
 *   <li>enums as their names.</li>
 * </ul>
 *
 * <p>Quarkus services that want their own {@code ObjectMapper} to match can call
 * {@link #configure(ObjectMapper)} from an {@code ObjectMapperCustomizer}, but event bodies should
 * go through {@link #toBytes(Object)} and {@link #fromBytes(byte[], Class)} (or a mapper from
 * {@link #newMapper()}) so that a REST-oriented setting never changes the wire format.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectWriter WRITER = MAPPER.writer();
    private static final ObjectReader READER = MAPPER.reader();

    private EventJson() {
    }

    /**
     * The shared mapper with the event-body settings: thread-safe, do not reconfigure it (use
     * {@link #newMapper()} for a mapper of your own).
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new mapper configured for event bodies. */
    public static ObjectMapper newMapper() {
        return configure(JsonMapper.builder().build());
    }

    /** Applies the event-body settings to {@code mapper} and returns it. */
    public static <M extends ObjectMapper> M configure(M mapper) {
        Objects.requireNonNull(mapper, "mapper");
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        return mapper;
    }

    /** A thread-safe writer with the event-body settings. */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /** A thread-safe reader with the event-body settings. */
    public static ObjectReader reader() {
        return READER;
    }

    /** The UTF-8 JSON body of {@code payload}. */
    public static byte[] toBytes(Object payload) {
        try {
            return WRITER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize " + payload.getClass().getName(), e);
        }
    }

    /** The JSON text of {@code payload}. */
    public static String toJson(Object payload) {
        try {
            return WRITER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize " + payload.getClass().getName(), e);
        }
    }

    /**
     * Reads a JSON body.
     *
     * @throws UncheckedIOException if the body is not JSON or does not map onto {@code type}: a
     *     poison message, to be sent to the dead-letter topic
     */
    public static <T> T fromBytes(byte[] body, Class<T> type) {
        Objects.requireNonNull(body, "body (a null value is a tombstone, not an event)");
        try {
            return READER.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getName(), e);
        }
    }

    /** Reads a JSON text; see {@link #fromBytes(byte[], Class)}. */
    public static <T> T fromJson(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        try {
            return READER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getName(), e);
        }
    }
}

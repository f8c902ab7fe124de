package org.muster.platform.outbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code batch} column of an outbox row that carries many events ({@link Outbox#recordBatch}):
 * a JSON array of {@code {id, key, type, subject, payload}}, the payload being the event's JSON
 * as the service wrote it, which the relay cuts out of the text and sends without parsing it.
 */
final class OutboxBatch {

    private static final JsonFactory JSON = new JsonFactory();

    /** One event of a batch. */
    record Event(UUID id, String key, String type, String subject, String payload) {
    }

    private OutboxBatch() {
    }

    static String write(List<Event> events) {
        StringWriter out = new StringWriter(events.size() * 640);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (Event event : events) {
                json.writeStartObject();
                json.writeStringField("id", event.id().toString());
                json.writeStringField("key", event.key());
                json.writeStringField("type", event.type());
                json.writeStringField("subject", event.subject());
                json.writeFieldName("payload");
                // The event's JSON as it is: escaping it into a string and back costs more than the rest.
                json.writeRawValue(event.payload());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("outbox batch cannot be written as JSON", e);
        }
        return out.toString();
    }

    /** The events of the row {@code rowId}, in their order, as the relay publishes them. */
    static List<OutboxRecord> read(long rowId, String topic, Instant occurredAt, String batch) {
        List<OutboxRecord> records = new ArrayList<>();
        try (JsonParser json = JSON.createParser(batch)) {
            expect(json.nextToken(), JsonToken.START_ARRAY);
            while (json.nextToken() == JsonToken.START_OBJECT) {
                String id = null;
                String key = null;
                String type = null;
                String subject = null;
                String payload = null;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    switch (field) {
                        case "id" -> id = json.getValueAsString();
                        case "key" -> key = json.getValueAsString();
                        case "type" -> type = json.getValueAsString();
                        case "subject" -> subject = json.getValueAsString();
                        case "payload" -> payload = value == JsonToken.VALUE_NULL ? null : rawValue(json, batch);
                        default -> json.skipChildren();
                    }
                }
                if (id == null || key == null || type == null) {
                    throw new IllegalStateException("outbox row " + rowId + ": a batched event without id, key or type");
                }
                records.add(new OutboxRecord(rowId, UUID.fromString(id), topic, key, type, subject, payload, occurredAt));
            }
        } catch (IOException e) {
            throw new IllegalStateException("outbox row " + rowId + ": its batch is not the JSON the outbox writes", e);
        }
        return records;
    }

    /** The text of the value the parser is at, as written: from its first character to past its last. */
    private static String rawValue(JsonParser json, String batch) throws IOException {
        int start = (int) json.currentTokenLocation().getCharOffset();
        json.skipChildren();
        int end = (int) json.currentLocation().getCharOffset();
        return batch.substring(start, end);
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " but found " + actual);
        }
    }
}

package org.muster.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.muster.contracts.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A CloudEvent read from Kafka in binary mode: attributes from the {@code ce_*} headers, the
 * JSON body as text (null for a tombstone).
 */
public record IncomingEvent(String id, String type, String source, Instant time, String subject, String key,
                            String data) {

    /**
     * Reads the CloudEvents attributes of a record.
     *
     * @throws MalformedEventException if a required attribute is missing: such a record can never
     *                                 be processed and belongs in the dead-letter topic
     */
    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        String source = header(record, CloudEventHeaders.SOURCE);
        if (id == null || type == null || source == null) {
            throw new MalformedEventException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " lacks ce_id, ce_type or ce_source");
        }
        String time = header(record, CloudEventHeaders.TIME);
        return new IncomingEvent(id, type, source, time == null ? null : Instant.parse(time),
                header(record, CloudEventHeaders.SUBJECT), record.key(), record.value());
    }

    public boolean isTombstone() {
        return data == null;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record that is not a CloudEvent: retrying cannot help. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}

package org.muster.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code batch} column of an outbox row that carries many events ({@link Outbox#recordBatch}).
 * Each event is a header line, then its JSON payload as the service wrote it, then a newline:
 * <pre>
 * &lt;event id&gt; TAB &lt;key&gt; TAB &lt;type&gt; TAB &lt;subject&gt; TAB &lt;payload length in chars&gt; LF
 * &lt;payload&gt; LF
 * </pre>
 * The length lets the relay cut each payload out of the text without reading it: a JSON array
 * had the relay tokenise every payload to find its end, most of its CPU for a fan-out.
 */
final class OutboxBatch {

    /** One event of a batch; {@code subject} may be null. */
    record Event(UUID id, String key, String type, String subject, String payload) {
        Event {
            requireNoSeparator(key, "key");
            requireNoSeparator(type, "type");
            if (subject != null) {
                requireNoSeparator(subject, "subject");
            }
        }
    }

    private OutboxBatch() {
    }

    static String write(List<Event> events) {
        int size = 0;
        for (Event event : events) {
            size += 120 + event.payload().length();
        }
        StringBuilder out = new StringBuilder(size);
        for (Event event : events) {
            out.append(event.id()).append('\t').append(event.key()).append('\t').append(event.type()).append('\t')
                    .append(event.subject() == null ? "" : event.subject()).append('\t')
                    .append(event.payload().length()).append('\n')
                    .append(event.payload()).append('\n');
        }
        return out.toString();
    }

    /**
     * The events of the row {@code rowId}, in their order, as the relay publishes them; each
     * continues the row's {@code traceParent} (null for none).
     */
    static List<OutboxRecord> read(long rowId, String topic, Instant occurredAt, String batch, String traceParent) {
        List<OutboxRecord> records = new ArrayList<>();
        int at = 0;
        try {
            while (at < batch.length()) {
                int lineEnd = batch.indexOf('\n', at);
                String[] header = batch.substring(at, lineEnd).split("\t", -1);
                if (header.length != 5) {
                    throw new IllegalStateException("a header of " + header.length + " fields at " + at);
                }
                int start = lineEnd + 1;
                int end = start + Integer.parseInt(header[4]);
                if (batch.charAt(end) != '\n') {
                    throw new IllegalStateException("a payload that does not end where its length says, at " + at);
                }
                records.add(new OutboxRecord(rowId, UUID.fromString(header[0]), topic, header[1], header[2],
                        header[3].isEmpty() ? null : header[3], batch.substring(start, end), occurredAt, traceParent));
                at = end + 1;
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("outbox row " + rowId + ": its batch is not what the outbox writes", e);
        }
        return records;
    }

    private static void requireNoSeparator(String value, String name) {
        if (value == null || value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a batched event's " + name + " must be present, without tabs or newlines: " + value);
        }
    }
}

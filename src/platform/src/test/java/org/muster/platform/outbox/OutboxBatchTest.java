package org.muster.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxBatchTest {

    private static final Instant AT = Instant.parse("2021-08-15T09:30:00Z");

    @Test
    void events_come_back_in_their_order_with_their_payloads_byte_for_byte() {
        List<OutboxBatch.Event> events = List.of(
                event("a", "{\"body\":\"Leave Kabul now. Go to \\\"Abbey Gate\\\".\",\"step\":0}"),
                // Dari, right to left, and characters outside the BMP: offsets are in chars, not bytes.
                event("b", "{\"body\":\"همین حالا کابل را ترک کنید 🚨\",\"nested\":{\"list\":[1,{\"x\":null}],\"s\":\"}]\"}}"),
                event("c", "{}"),
                // Newlines and tabs inside a payload are the payload's: its length says where it ends.
                event("d", "{\"body\":\"line one\nline\ttwo\"}"));

        List<OutboxRecord> read = OutboxBatch.read(42, "muster.delivery.requests", AT, OutboxBatch.write(events), null);

        assertThat(read).hasSize(4);
        for (int i = 0; i < events.size(); i++) {
            OutboxBatch.Event written = events.get(i);
            OutboxRecord record = read.get(i);
            assertThat(record.id()).isEqualTo(42);
            assertThat(record.eventId()).isEqualTo(written.id());
            assertThat(record.topic()).isEqualTo("muster.delivery.requests");
            assertThat(record.key()).isEqualTo(written.key());
            assertThat(record.type()).isEqualTo(written.type());
            assertThat(record.subject()).isEqualTo(written.subject());
            assertThat(record.payload()).isEqualTo(written.payload());
            assertThat(record.occurredAt()).isEqualTo(AT);
        }
    }

    @Test
    void a_batch_that_is_not_what_the_outbox_writes_is_refused_not_half_read() {
        String good = OutboxBatch.write(List.of(event("k", "{\"a\":1}")));
        assertThatThrownBy(() -> OutboxBatch.read(7, "t", AT, good.replace("\t7\n", "\t9\n"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("row 7");
        assertThatThrownBy(() -> OutboxBatch.read(8, "t", AT, "[{\"not\":\"this format\"}]", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("row 8");
        assertThatThrownBy(() -> OutboxBatch.read(9, "t", AT, good.substring(0, good.length() - 3), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("row 9");
    }

    @Test
    void a_key_or_type_with_a_tab_or_newline_cannot_be_batched() {
        assertThatThrownBy(() -> event("a\tb", "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxBatch.Event(UUID.randomUUID(), "k", "t\n", "k", "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OutboxBatch.read(1, "t", AT, OutboxBatch.write(List.of(
                new OutboxBatch.Event(UUID.randomUUID(), "k", "t", null, "{}"))), null).get(0).subject()).isNull();
    }

    private static OutboxBatch.Event event(String key, String payload) {
        return new OutboxBatch.Event(UUID.randomUUID(), key, "org.muster.alerts.DeliveryRequested.v1", key, payload);
    }
}

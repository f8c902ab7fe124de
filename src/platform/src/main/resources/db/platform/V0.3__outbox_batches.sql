-- A batch row carries many events of one topic (Outbox#recordBatch): a fan-out writes one row per
-- thousand delivery requests instead of a thousand rows, each with its indexes to maintain and, once
-- relayed, to update. The relay publishes a batch's events in their order, one Kafka record each.
--   events: how many events the row carries (1 for an ordinary row); the relay reads rows until it
--           has about its batch size of events.
--   batch:  the events, each a header line (id, key, type, subject, payload length; tab-separated)
--           then its JSON payload and a newline (see OutboxBatch);
--           null for an ordinary row, whose single event is in the other columns.
ALTER TABLE outbox ADD COLUMN events INTEGER NOT NULL DEFAULT 1 CHECK (events > 0);
ALTER TABLE outbox ADD COLUMN batch TEXT;
-- Uncompressed: a batch lives for minutes until relayed, then for the retention period; compressing
-- half a megabyte costs milliseconds on the fan-out's critical path and saves disk nobody is short of.
ALTER TABLE outbox ALTER COLUMN batch SET STORAGE EXTERNAL;

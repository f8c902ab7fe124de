-- The W3C trace context (traceparent) of the work that recorded the event: the relay puts it on
-- the Kafka record, so a consumer's spans join the trace of the request or the message behind
-- the event. Null when that work had no trace.
ALTER TABLE outbox ADD COLUMN trace_parent TEXT;

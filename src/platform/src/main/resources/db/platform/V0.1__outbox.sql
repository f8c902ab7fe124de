-- The transactional outbox: an event is written here in the same transaction as the state it
-- describes, and the relay publishes it to Kafka afterwards (see OutboxRelay).
CREATE TABLE outbox (
    id             BIGSERIAL PRIMARY KEY,
    event_id       UUID        NOT NULL UNIQUE,
    topic          TEXT        NOT NULL,
    event_key      TEXT        NOT NULL,
    event_type     TEXT        NOT NULL,
    subject        TEXT,
    payload        JSONB,
    occurred_at    TIMESTAMPTZ NOT NULL,
    -- All events of one key share a slot; one relay at a time works a slot, which keeps the
    -- order per key while several replicas share the load.
    slot           SMALLINT    NOT NULL,
    sent_at        TIMESTAMPTZ,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    last_error     TEXT
);

CREATE INDEX outbox_pending ON outbox (slot, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Events a consumer has already applied, recorded in the same transaction as their effect, so
-- a redelivered event (Kafka delivers at least once) has no second effect.
CREATE TABLE processed_event (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX processed_event_age ON processed_event (processed_at);

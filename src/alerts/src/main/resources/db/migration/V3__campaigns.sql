-- Alert campaigns: what to send to whom on which channels, the audience resolved at launch
-- (one row per recipient, marked once its delivery requests are in the outbox) and the
-- requests with the last status notifier reported.

CREATE TABLE campaign (
    id                  UUID PRIMARY KEY,
    advisory_id         UUID,
    name                TEXT        NOT NULL,
    -- DRAFT, AWAITING_APPROVAL, RUNNING, PAUSED, COMPLETED, CANCELLED
    state               TEXT        NOT NULL,
    audience            JSONB       NOT NULL,
    channels            TEXT[]      NOT NULL,
    -- ALL: every channel of the plan; FIRST_THAT_WORKS: the next only when the one before fails
    channel_mode        TEXT        NOT NULL,
    templates           JSONB       NOT NULL,
    default_language    TEXT        NOT NULL,
    assembly_point      TEXT,
    reply_instructions  TEXT,
    priority            TEXT        NOT NULL,
    valid_until         TIMESTAMPTZ,
    created_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    approved_by         TEXT,
    launched_by         TEXT,
    launched_at         TIMESTAMPTZ,
    fanned_out_at       TIMESTAMPTZ,
    recipients          INTEGER,
    version             BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE campaign_recipient (
    campaign_id     UUID    NOT NULL REFERENCES campaign (id),
    national_id     UUID    NOT NULL,
    household_id    UUID    NOT NULL,
    region          TEXT,
    language        TEXT    NOT NULL,
    display_name    TEXT    NOT NULL,
    contacts        JSONB   NOT NULL,
    -- true once this recipient's delivery requests are in the outbox (same transaction)
    requested       BOOLEAN NOT NULL DEFAULT false,
    -- SAFE or HELP, from the recipient's reply
    reply           TEXT,
    PRIMARY KEY (campaign_id, national_id)
);
CREATE INDEX campaign_recipient_pending ON campaign_recipient (campaign_id, national_id) WHERE NOT requested;

CREATE TABLE campaign_delivery (
    request_id   TEXT PRIMARY KEY,
    campaign_id  UUID        NOT NULL REFERENCES campaign (id),
    national_id  UUID        NOT NULL,
    channel      TEXT        NOT NULL,
    step         INTEGER     NOT NULL,
    region       TEXT,
    -- REQUESTED, then the DeliveryStatus notifier reports
    status       TEXT        NOT NULL,
    status_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX campaign_delivery_campaign ON campaign_delivery (campaign_id, national_id);

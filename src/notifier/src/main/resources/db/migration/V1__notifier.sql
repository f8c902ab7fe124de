-- One delivery per DeliveryRequested (unique request_id): the state of one message to one person on one channel.
CREATE TABLE delivery (
    id              uuid PRIMARY KEY,
    request_id      varchar(120) NOT NULL UNIQUE,
    campaign_id     uuid         NOT NULL,
    recipient_id    uuid         NOT NULL,
    channel         varchar(16)  NOT NULL,
    address         varchar(254) NOT NULL,
    language        varchar(35)  NOT NULL,
    subject         varchar(200),
    body            text         NOT NULL,
    -- 0 = LEAVE_NOW first (DeliveryPriority declaration order).
    priority        smallint     NOT NULL,
    valid_until     timestamptz  NOT NULL,
    fallback_step   int          NOT NULL,
    status          varchar(16)  NOT NULL,
    -- Where the dispatcher stands: WAITING (an earlier channel of the plan is pending), READY, IN_FLIGHT, DONE.
    dispatch        varchar(16)  NOT NULL,
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    claimed_at      timestamptz,
    provider_id     varchar(128),
    error_code      varchar(32),
    encoding        varchar(8),
    segments        int,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL
);

CREATE INDEX delivery_due ON delivery (channel, priority, next_attempt_at) WHERE dispatch = 'READY';
CREATE INDEX delivery_in_flight ON delivery (claimed_at) WHERE dispatch = 'IN_FLIGHT';
CREATE INDEX delivery_campaign ON delivery (campaign_id, created_at);
CREATE INDEX delivery_recipient ON delivery (recipient_id, campaign_id, fallback_step);
CREATE INDEX delivery_address ON delivery (address, created_at DESC);
CREATE INDEX delivery_provider ON delivery (provider_id);

-- Every status change and every attempt, for staff: what happened, when, with the provider's code.
CREATE SEQUENCE delivery_history_seq INCREMENT BY 50;

CREATE TABLE delivery_history (
    id          bigint PRIMARY KEY,
    delivery_id uuid        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    status      varchar(16) NOT NULL,
    attempt     int         NOT NULL,
    provider_id varchar(128),
    error_code  varchar(32),
    detail      varchar(500),
    occurred_at timestamptz NOT NULL
);

CREATE INDEX delivery_history_delivery ON delivery_history (delivery_id, occurred_at, id);

-- Inbound answers (SMS, WhatsApp, voice keypad); free text is kept here for staff.
CREATE TABLE reply (
    id           uuid PRIMARY KEY,
    provider_id  varchar(128) NOT NULL UNIQUE,
    recipient_id uuid,
    campaign_id  uuid,
    channel      varchar(16)  NOT NULL,
    from_address varchar(254) NOT NULL,
    keyword      varchar(8)   NOT NULL,
    text         text         NOT NULL,
    received_at  timestamptz  NOT NULL
);

CREATE INDEX reply_recipient ON reply (recipient_id, received_at);
CREATE INDEX reply_campaign ON reply (campaign_id, received_at);

-- Provider rate limits shared by every replica: one token bucket per provider account and channel.
CREATE TABLE rate_bucket (
    name        varchar(120)     PRIMARY KEY,
    tokens      double precision NOT NULL,
    refilled_at timestamptz      NOT NULL
);

CREATE INDEX delivery_waiting ON delivery (campaign_id, recipient_id) WHERE dispatch = 'WAITING';

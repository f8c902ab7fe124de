-- Alerts' own projection of muster.registry.nationals: who can be reached, where, in which
-- language. Campaigns resolve their audience here, so they work while registry is down.
CREATE TABLE audience_member (
    national_id         UUID PRIMARY KEY,
    household_id        UUID        NOT NULL,
    nationality         TEXT,
    preferred_language  TEXT        NOT NULL,
    country             TEXT,
    region              TEXT,
    city                TEXT,
    vulnerabilities     TEXT[]      NOT NULL DEFAULT '{}',
    welfare_status      TEXT        NOT NULL,
    evacuation_status   TEXT        NOT NULL,
    display_name        TEXT        NOT NULL,
    -- [{channel, address, verified, optedOut, preference}], as the snapshot carries them
    contacts            JSONB       NOT NULL DEFAULT '[]',
    -- The snapshot's version: an older snapshot never replaces a newer one.
    version             BIGINT      NOT NULL,
    projected_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX audience_member_region ON audience_member (region, welfare_status, evacuation_status);
CREATE INDEX audience_member_household ON audience_member (household_id);

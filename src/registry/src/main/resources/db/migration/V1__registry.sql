-- The registry: who is in the country, where, how to reach them and how they are.

CREATE TABLE household (
    id          UUID PRIMARY KEY,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE national (
    id                    UUID PRIMARY KEY,
    reference             TEXT        NOT NULL UNIQUE,
    household_id          UUID        NOT NULL REFERENCES household (id),
    given_names           TEXT        NOT NULL,
    family_name           TEXT        NOT NULL,
    date_of_birth         DATE        NOT NULL,
    nationality           CHAR(2)     NOT NULL,
    preferred_language    TEXT        NOT NULL,
    location_country      CHAR(2)     NOT NULL,
    location_region       TEXT        NOT NULL,
    location_city         TEXT,
    latitude              DOUBLE PRECISION,
    longitude             DOUBLE PRECISION,
    location_reported_at  TIMESTAMPTZ NOT NULL,
    vulnerabilities       TEXT[]      NOT NULL DEFAULT '{}',
    vulnerability_notes   TEXT,
    welfare_status        TEXT        NOT NULL,
    evacuation_status     TEXT        NOT NULL,
    consent_at            TIMESTAMPTZ NOT NULL,
    consent_version       TEXT        NOT NULL,
    registered_by         TEXT        NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    version               BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX national_household ON national (household_id);
CREATE INDEX national_region_status ON national (location_region, welfare_status, evacuation_status);
CREATE INDEX national_family_name ON national (lower(family_name));

CREATE TABLE identity_document (
    id               UUID PRIMARY KEY,
    national_id      UUID    NOT NULL REFERENCES national (id) ON DELETE CASCADE,
    type             TEXT    NOT NULL,
    number           TEXT    NOT NULL,
    issuing_country  CHAR(2) NOT NULL,
    expires_on       DATE,
    -- One document belongs to one person: the same passport registered twice is refused.
    CONSTRAINT identity_document_once UNIQUE (issuing_country, type, number)
);
CREATE INDEX identity_document_national ON identity_document (national_id);

CREATE TABLE contact_point (
    id           UUID PRIMARY KEY,
    national_id  UUID    NOT NULL REFERENCES national (id) ON DELETE CASCADE,
    channel      TEXT    NOT NULL,
    address      TEXT    NOT NULL,
    verified     BOOLEAN NOT NULL DEFAULT false,
    opted_out    BOOLEAN NOT NULL DEFAULT false,
    opted_out_at TIMESTAMPTZ,
    preference   INTEGER NOT NULL
);
CREATE INDEX contact_point_national ON contact_point (national_id);
CREATE INDEX contact_point_address ON contact_point (address);

CREATE TABLE welfare_report (
    id           UUID PRIMARY KEY,
    national_id  UUID        NOT NULL REFERENCES national (id) ON DELETE CASCADE,
    status       TEXT        NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL,
    source       TEXT        NOT NULL
);
CREATE INDEX welfare_report_national ON welfare_report (national_id, reported_at);

-- A retried registration with the same Idempotency-Key gets the first answer back.
CREATE TABLE registration_request (
    idempotency_key  TEXT PRIMARY KEY,
    request_hash     TEXT        NOT NULL,
    household_id     UUID        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);

-- Every staff read of a person's record and every change: who, when, what.
CREATE TABLE audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    actor        TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    national_id  UUID,
    at           TIMESTAMPTZ NOT NULL,
    detail       TEXT
);
CREATE INDEX audit_entry_national ON audit_entry (national_id, at);

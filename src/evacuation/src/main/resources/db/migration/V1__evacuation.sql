-- Evacuation: flights, assembly points, manifests, and the projection of registry's nationals.

-- What registry publishes on muster.registry.nationals, one row per national; a tombstone deletes it.
CREATE TABLE national (
    id                  UUID PRIMARY KEY,
    household_id        UUID        NOT NULL,
    nationality         CHAR(2)     NOT NULL,
    preferred_language  TEXT        NOT NULL,
    display_name        TEXT        NOT NULL,
    vulnerabilities     TEXT[]      NOT NULL DEFAULT '{}',
    evacuation_status   TEXT        NOT NULL,
    -- The snapshot's contact points as JSON, in registry's order of preference.
    contact_points      TEXT        NOT NULL DEFAULT '[]',
    snapshot_version    BIGINT      NOT NULL,
    -- When the person (last) asked for a seat: allocation serves earlier requests first.
    requested_at        TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX national_household ON national (household_id);
CREATE INDEX national_evacuation_status ON national (evacuation_status);

CREATE TABLE assembly_point (
    id            UUID PRIMARY KEY,
    name          TEXT        NOT NULL,
    place         TEXT        NOT NULL,
    -- JSON object: BCP 47 tag -> instructions in that language.
    instructions  TEXT        NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE flight (
    id                   UUID PRIMARY KEY,
    carrier              TEXT        NOT NULL,
    flight_number        TEXT        NOT NULL,
    aircraft_type        TEXT        NOT NULL,
    seats                INTEGER     NOT NULL CHECK (seats > 0),
    seats_held_back      INTEGER     NOT NULL DEFAULT 0 CHECK (seats_held_back >= 0),
    partner_quota        INTEGER     NOT NULL DEFAULT 0 CHECK (partner_quota >= 0),
    origin               CHAR(3)     NOT NULL,
    destination          CHAR(3)     NOT NULL,
    scheduled_departure  TIMESTAMPTZ NOT NULL,
    check_in_closes      TIMESTAMPTZ NOT NULL,
    state                TEXT        NOT NULL,
    assembly_point_id    UUID REFERENCES assembly_point (id),
    reporting_time       TIMESTAMPTZ,
    departed_at          TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT flight_capacity CHECK (seats_held_back + partner_quota <= seats)
);
CREATE INDEX flight_departure ON flight (scheduled_departure);

CREATE TABLE manifest_entry (
    id                  UUID PRIMARY KEY,
    flight_id           UUID        NOT NULL REFERENCES flight (id),
    national_id         UUID        NOT NULL,
    household_id        UUID        NOT NULL,
    nationality         CHAR(2)     NOT NULL,
    -- Null once the person was erased in registry.
    display_name        TEXT,
    preferred_language  TEXT        NOT NULL,
    seats               INTEGER     NOT NULL CHECK (seats >= 0),
    priority            TEXT        NOT NULL,
    status              TEXT        NOT NULL,
    reason              TEXT        NOT NULL,
    -- The travel document, recorded by an officer or read from the MRZ at check-in.
    document_number     TEXT,
    document_type       TEXT,
    issuing_state       TEXT,
    surname             TEXT,
    given_names         TEXT,
    date_of_birth       DATE,
    sex                 TEXT,
    document_nationality TEXT,
    document_expires_on DATE,
    confirmed_at        TIMESTAMPTZ,
    checked_in_at       TIMESTAMPTZ,
    boarded_at          TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL DEFAULT 0
);
-- One seat per person across all flights: a second seat-holding entry is refused by the database.
CREATE UNIQUE INDEX manifest_entry_one_seat ON manifest_entry (national_id)
    WHERE status IN ('ASSIGNED', 'CONFIRMED', 'CHECKED_IN', 'BOARDED');
CREATE INDEX manifest_entry_flight ON manifest_entry (flight_id, status);
CREATE INDEX manifest_entry_household ON manifest_entry (household_id);
CREATE INDEX manifest_entry_document ON manifest_entry (upper(document_number));

-- Every change to a flight or a manifest: who, when, what.
CREATE TABLE audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    flight_id    UUID        NOT NULL,
    entry_id     UUID,
    national_id  UUID,
    actor        TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    detail       TEXT
);
CREATE INDEX audit_entry_flight ON audit_entry (flight_id, id);
CREATE INDEX audit_entry_national ON audit_entry (national_id);

-- Advisories: one row per advisory (its current state), one row per published version (every
-- version kept), the texts of each version per language in the order the officer gave them.

CREATE TABLE advisory (
    id               UUID PRIMARY KEY,
    current_version  INTEGER     NOT NULL,
    -- ACTIVE, CANCELLED or SUPERSEDED
    state            TEXT        NOT NULL,
    superseded_by    UUID,
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE advisory_version (
    id            UUID PRIMARY KEY,
    advisory_id   UUID        NOT NULL REFERENCES advisory (id),
    version       INTEGER     NOT NULL,
    -- What this version did: ISSUED, UPDATED, CANCELLED, SUPERSEDED (the CAP msgType follows from it)
    change        TEXT        NOT NULL,
    country       CHAR(2)     NOT NULL,
    level         TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    regions       TEXT[]      NOT NULL,
    areas         JSONB       NOT NULL DEFAULT '[]',
    effective_at  TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ,
    supersedes    UUID,
    published_by  TEXT        NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT advisory_version_once UNIQUE (advisory_id, version)
);

CREATE TABLE advisory_text (
    version_id   UUID    NOT NULL REFERENCES advisory_version (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    language     TEXT    NOT NULL,
    headline     TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    instruction  TEXT,
    PRIMARY KEY (version_id, position)
);

-- Bulk import of the consulate's existing records (POST /nationals/import).

-- One row per imported record: the consulate's own id, the person it became and a hash of the
-- row, so that the same file imported again changes nothing. Goes with the person on erasure.
CREATE TABLE imported_record (
    external_id  TEXT PRIMARY KEY,
    national_id  UUID        NOT NULL REFERENCES national (id) ON DELETE CASCADE,
    row_hash     TEXT        NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL,
    imported_by  TEXT        NOT NULL
);
CREATE INDEX imported_record_national ON imported_record (national_id);

-- The consulate's household reference and the household it became: rows sharing a reference,
-- in one file or in later ones, join the same household.
CREATE TABLE imported_household (
    household_ref  TEXT PRIMARY KEY,
    household_id   UUID NOT NULL REFERENCES household (id) ON DELETE CASCADE
);
CREATE INDEX imported_household_household ON imported_household (household_id);

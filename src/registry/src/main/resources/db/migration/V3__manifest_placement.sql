-- Where evacuation last placed each national (from muster.evacuation.manifests), so that a
-- departure can mark the boarded as evacuated and a late event about an old flight cannot undo
-- a newer placement. Goes with the person on erasure.
CREATE TABLE manifest_placement (
    national_id  UUID        PRIMARY KEY REFERENCES national (id) ON DELETE CASCADE,
    flight_id    UUID        NOT NULL,
    entry_id     UUID        NOT NULL,
    status       TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX manifest_placement_flight ON manifest_placement (flight_id, status);

-- Assembly points tell evacuees where to go: who set or changed them is audited like flights.
-- An audit entry is about a flight (and maybe one of its manifest entries) or an assembly point.
ALTER TABLE audit_entry ALTER COLUMN flight_id DROP NOT NULL;
ALTER TABLE audit_entry ADD COLUMN assembly_point_id UUID;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_subject
    CHECK (flight_id IS NOT NULL OR assembly_point_id IS NOT NULL);
CREATE INDEX audit_entry_assembly_point ON audit_entry (assembly_point_id, id) WHERE assembly_point_id IS NOT NULL;

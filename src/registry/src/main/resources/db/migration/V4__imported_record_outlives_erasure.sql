-- A consular record stays known after its person is erased or merged away, so that importing the
-- consulate's file again neither brings an erased person back nor makes a merged duplicate anew.
-- Erased: national_id NULL and row_hash 'erased' (the hash was computed over the person's data).
-- Merged: national_id is the record kept.
ALTER TABLE imported_record ALTER COLUMN national_id DROP NOT NULL;
ALTER TABLE imported_record DROP CONSTRAINT imported_record_national_id_fkey;
ALTER TABLE imported_record ADD CONSTRAINT imported_record_national_id_fkey
    FOREIGN KEY (national_id) REFERENCES national (id) ON DELETE SET NULL;

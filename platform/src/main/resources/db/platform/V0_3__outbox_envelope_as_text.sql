-- The envelope is written by the service's own codec, read back whole by the relay and never
-- queried inside: kept as text it is neither parsed into jsonb on every insert nor printed back to
-- text on every relay pass (together a tenth of PostgreSQL's work on ingest's write path).
-- (Cast to jsonb to look inside one: envelope::jsonb.)
ALTER TABLE outbox ALTER COLUMN envelope TYPE TEXT;

-- Envelopes of a few kB are compressed when stored; lz4 does it at a fraction of pglz's cost.
-- Servers built without lz4 keep their default.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE outbox ALTER COLUMN envelope SET COMPRESSION lz4;
    END IF;
END
$$;

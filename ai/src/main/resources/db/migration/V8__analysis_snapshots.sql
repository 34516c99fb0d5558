-- What each analysis saw, as it saw it: written once, never changed. The text is kept byte for
-- byte with its SHA-256, so anyone can check it is what the analysis rested on.
CREATE TABLE analysis_snapshot (
    analysis_id UUID        PRIMARY KEY REFERENCES analysis (id),
    tenant_id   UUID        NOT NULL,
    project_id  UUID        NOT NULL,
    incident_id UUID        NOT NULL,
    content     TEXT        NOT NULL,
    sha256      TEXT        NOT NULL,
    taken_at    TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION analysis_snapshot_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'analysis snapshots are immutable (analysis %)', OLD.analysis_id;
END $$;

CREATE TRIGGER analysis_snapshot_immutable BEFORE UPDATE OR DELETE ON analysis_snapshot
    FOR EACH ROW EXECUTE FUNCTION analysis_snapshot_is_immutable();

-- One row per event any service emitted: who did what to which resource, and how it ended.
CREATE TABLE audit_record (
    id            UUID        PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    tenant_id     UUID,
    project_id    UUID,
    occurred_at   TIMESTAMPTZ NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_type    TEXT        NOT NULL,
    actor_id      TEXT,
    action        TEXT        NOT NULL,
    resource_type TEXT,
    resource_id   TEXT,
    outcome       TEXT        NOT NULL CHECK (outcome IN ('success', 'failure')),
    data          JSONB       NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_record_by_project ON audit_record (tenant_id, project_id, occurred_at DESC, id DESC);

-- The log is append-only: a recorded entry never changes.
CREATE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only';
END;
$$;

CREATE TRIGGER audit_record_no_update BEFORE UPDATE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();

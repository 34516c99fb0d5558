-- What a template measures (the ranking reads departures of each kind its own way; null: read off
-- its name), and, for series of calls between services, the label naming the caller: each such
-- series also says that its caller calls the service.
ALTER TABLE query_template ADD COLUMN kind TEXT
    CHECK (kind IN ('saturation', 'latency', 'errors', 'traffic', 'success', 'host', 'other'));
ALTER TABLE query_template ADD COLUMN caller_label TEXT;

-- Who calls whom, as people declared it; edges inferred from Prometheus are read when asked.
CREATE TABLE service_edge (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    project_id  UUID        NOT NULL,
    caller      TEXT        NOT NULL,
    callee      TEXT        NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (project_id, caller, callee),
    CHECK (caller <> callee)
);

CREATE INDEX service_edge_scope ON service_edge (tenant_id, project_id);

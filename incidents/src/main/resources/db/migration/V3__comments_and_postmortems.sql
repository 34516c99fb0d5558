-- The postmortem of an incident, required before it can be LEARNED. Lists (contributing factors,
-- action items with owner, due date and status) live in one JSON object next to the prose.
CREATE TABLE postmortem (
    incident_id                UUID        PRIMARY KEY REFERENCES incident (id),
    tenant_id                  UUID        NOT NULL,
    project_id                 UUID        NOT NULL,
    summary                    TEXT        NOT NULL,
    impact                     TEXT,
    root_cause                 TEXT,
    confirmed_hypothesis_id    UUID,
    confirmed_hypothesis_claim TEXT,
    details                    JSONB       NOT NULL,
    author_id                  TEXT        NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL,
    version                    BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX postmortem_by_project ON postmortem (tenant_id, project_id, updated_at DESC);

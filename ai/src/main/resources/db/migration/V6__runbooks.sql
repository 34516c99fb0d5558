-- Runbooks: what to do about a kind of problem, matched to hypotheses by service, alert name
-- patterns, tags and words.
CREATE TABLE runbook (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    project_id  UUID        NOT NULL,
    title       TEXT        NOT NULL,
    description TEXT,
    steps       TEXT        NOT NULL, -- Markdown
    matching    JSONB       NOT NULL, -- {tags, services, alertPatterns}
    risk_level  TEXT        NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (project_id, title)
);

CREATE INDEX runbook_scope ON runbook (tenant_id, project_id, title);

-- Who followed which runbook on which incident; with precedents' MTTR, what it took when used.
CREATE TABLE runbook_use (
    runbook_id  UUID        NOT NULL REFERENCES runbook (id) ON DELETE CASCADE,
    incident_id UUID        NOT NULL,
    tenant_id   UUID        NOT NULL,
    project_id  UUID        NOT NULL,
    used_by     TEXT        NOT NULL,
    used_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (runbook_id, incident_id)
);

CREATE INDEX runbook_use_incident ON runbook_use (incident_id);

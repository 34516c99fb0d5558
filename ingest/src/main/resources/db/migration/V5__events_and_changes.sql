-- Where a group's signals come from: Alertmanager notifications, or generic events (PagerDuty
-- Events v2 semantics, one group per dedup_key).
ALTER TABLE alert_group ADD COLUMN source TEXT NOT NULL DEFAULT 'alertmanager';
-- Generic events may acknowledge an alert without resolving it.
ALTER TABLE signal ADD COLUMN acknowledged_at TIMESTAMPTZ;
CREATE INDEX signal_open_by_group ON signal (alert_group_id, fingerprint) WHERE status = 'firing';

-- Deploys and other changes, which analyses connect to incidents that follow them.
CREATE TABLE change (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    project_id  UUID        NOT NULL,
    type        TEXT        NOT NULL CHECK (type IN ('deploy', 'config', 'feature_flag', 'infrastructure')),
    service     TEXT        NOT NULL,
    environment TEXT,
    version     TEXT,
    commit_sha  TEXT,
    author      TEXT,
    description TEXT,
    url         TEXT,
    deployed_at TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    -- CI pipelines retry: the same change reported twice is one change.
    identity    TEXT        NOT NULL,
    UNIQUE (project_id, identity)
);

CREATE INDEX change_list ON change (tenant_id, project_id, deployed_at DESC, id DESC);
CREATE INDEX change_by_service ON change (project_id, service, deployed_at DESC);

-- Incidents of a project, numbered 1, 2, 3… per project, and the state they are in.
CREATE TABLE incident (
    id              UUID        PRIMARY KEY,
    tenant_id       UUID        NOT NULL,
    project_id      UUID        NOT NULL,
    number          BIGINT      NOT NULL,
    title           TEXT        NOT NULL,
    description     TEXT,
    service         TEXT,
    severity        TEXT        NOT NULL CHECK (severity IN ('critical', 'high', 'warning', 'info')),
    state           TEXT        NOT NULL,
    source          TEXT        NOT NULL CHECK (source IN ('alert', 'manual')),
    alert_group_id  UUID,
    started_at      TIMESTAMPTZ NOT NULL,
    detected_at     TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    mitigated_at    TIMESTAMPTZ,
    resolved_at     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (project_id, number)
);

CREATE INDEX incident_list ON incident (tenant_id, project_id, detected_at DESC, id DESC);
-- An alert group opens at most one incident, however often its event is delivered.
CREATE UNIQUE INDEX incident_by_alert_group ON incident (project_id, alert_group_id) WHERE alert_group_id IS NOT NULL;

CREATE TABLE incident_number (
    project_id  UUID   PRIMARY KEY,
    last_number BIGINT NOT NULL
);

-- The alerts (signals) an incident was opened from, as ingest described them.
CREATE TABLE incident_signal (
    incident_id UUID        NOT NULL REFERENCES incident (id),
    signal_id   UUID        NOT NULL,
    tenant_id   UUID        NOT NULL,
    project_id  UUID        NOT NULL,
    fingerprint TEXT        NOT NULL,
    alertname   TEXT,
    service     TEXT,
    severity    TEXT,
    status      TEXT        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    labels      JSONB       NOT NULL DEFAULT '{}',
    annotations JSONB       NOT NULL DEFAULT '{}',
    attached_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (incident_id, signal_id)
);

-- What happened to an incident, in order: creation, transitions (who, when, why), comments.
CREATE TABLE timeline_entry (
    id          UUID        PRIMARY KEY,
    incident_id UUID        NOT NULL REFERENCES incident (id),
    tenant_id   UUID        NOT NULL,
    project_id  UUID        NOT NULL,
    kind        TEXT        NOT NULL,
    actor_type  TEXT        NOT NULL,
    actor_id    TEXT,
    from_state  TEXT,
    to_state    TEXT,
    message     TEXT,
    occurred_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX timeline_by_incident ON timeline_entry (incident_id, occurred_at, id);

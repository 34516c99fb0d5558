-- API keys that may send signals: a replica of auth's keys (hash only), kept from apikey.* events
-- so that ingest accepts alerts even while auth is down.
CREATE TABLE api_key (
    id         UUID        PRIMARY KEY,
    tenant_id  UUID        NOT NULL,
    project_id UUID        NOT NULL,
    name       TEXT        NOT NULL,
    prefix     TEXT        NOT NULL UNIQUE,
    key_hash   TEXT        NOT NULL,
    scopes     TEXT[]      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);

-- Alertmanager's groups of alerts (its groupKey), per project.
CREATE TABLE alert_group (
    id                 UUID        PRIMARY KEY,
    tenant_id          UUID        NOT NULL,
    project_id         UUID        NOT NULL,
    group_key          TEXT        NOT NULL,
    receiver           TEXT,
    status             TEXT        NOT NULL CHECK (status IN ('firing', 'resolved')),
    common_labels      JSONB       NOT NULL DEFAULT '{}',
    common_annotations JSONB       NOT NULL DEFAULT '{}',
    opened_at          TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    resolved_at        TIMESTAMPTZ,
    UNIQUE (project_id, group_key)
);

-- One alert occurrence. Redelivered and HA-duplicated notifications hit the unique key and change nothing.
CREATE TABLE signal (
    id             UUID        PRIMARY KEY,
    tenant_id      UUID        NOT NULL,
    project_id     UUID        NOT NULL,
    alert_group_id UUID        NOT NULL REFERENCES alert_group (id),
    source         TEXT        NOT NULL,
    fingerprint    TEXT        NOT NULL,
    alertname      TEXT        NOT NULL,
    service        TEXT,
    severity       TEXT        NOT NULL CHECK (severity IN ('critical', 'high', 'warning', 'info')),
    status         TEXT        NOT NULL CHECK (status IN ('firing', 'resolved')),
    starts_at      TIMESTAMPTZ NOT NULL,
    ends_at        TIMESTAMPTZ,
    labels         JSONB       NOT NULL,
    annotations    JSONB       NOT NULL,
    generator_url  TEXT,
    received_at    TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (project_id, fingerprint, starts_at)
);

CREATE INDEX signal_list ON signal (tenant_id, project_id, received_at DESC, id DESC);
CREATE INDEX signal_by_group ON signal (alert_group_id);

-- Prometheus servers a project connects; credentials and extra headers are sealed with AES-256-GCM
-- (SecretBox, key from configuration) and never leave the service in clear.
CREATE TABLE integration (
    id                UUID        PRIMARY KEY,
    tenant_id         UUID        NOT NULL,
    project_id        UUID        NOT NULL,
    type              TEXT        NOT NULL CHECK (type IN ('prometheus')),
    name              TEXT        NOT NULL,
    url               TEXT        NOT NULL,
    alertmanager_url  TEXT,
    auth_type         TEXT        NOT NULL CHECK (auth_type IN ('none', 'bearer', 'basic')),
    username          TEXT,
    sealed_secrets    TEXT,
    header_names      TEXT[]      NOT NULL DEFAULT '{}',
    tls_verify        BOOLEAN     NOT NULL,
    last_success_at   TIMESTAMPTZ,
    last_error_at     TIMESTAMPTZ,
    last_error        TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (project_id, name)
);

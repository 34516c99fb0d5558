-- Tenants (organisations), their users, projects and who holds which role in each project.
CREATE TABLE tenant (
    id         UUID        PRIMARY KEY,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE app_user (
    id            UUID        PRIMARY KEY,
    tenant_id     UUID        NOT NULL REFERENCES tenant (id),
    email         TEXT        NOT NULL,
    full_name     TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    last_login_at TIMESTAMPTZ
);

-- One account per email address, whatever its case: login asks for nothing but the email.
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

CREATE TABLE project (
    id         UUID        PRIMARY KEY,
    tenant_id  UUID        NOT NULL REFERENCES tenant (id),
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE project_member (
    project_id UUID        NOT NULL REFERENCES project (id),
    user_id    UUID        NOT NULL REFERENCES app_user (id),
    tenant_id  UUID        NOT NULL REFERENCES tenant (id),
    role       TEXT        NOT NULL CHECK (role IN ('viewer', 'engineer', 'admin', 'owner')),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, user_id)
);

CREATE INDEX project_member_by_user ON project_member (user_id);

-- Refresh tokens, stored as hashes. A family is one login; rotation marks the old token used, and
-- presenting a used token again revokes the whole family (the token was stolen).
CREATE TABLE refresh_token (
    id         UUID        PRIMARY KEY,
    family_id  UUID        NOT NULL,
    user_id    UUID        NOT NULL REFERENCES app_user (id),
    tenant_id  UUID        NOT NULL,
    project_id UUID        NOT NULL,
    token_hash TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);

CREATE INDEX refresh_token_family ON refresh_token (family_id);

-- Project API keys for machines (Alertmanager, CI): only their SHA-256 is kept.
CREATE TABLE api_key (
    id         UUID        PRIMARY KEY,
    tenant_id  UUID        NOT NULL REFERENCES tenant (id),
    project_id UUID        NOT NULL REFERENCES project (id),
    name       TEXT        NOT NULL,
    prefix     TEXT        NOT NULL UNIQUE,
    key_hash   TEXT        NOT NULL,
    scopes     TEXT        NOT NULL, -- comma-separated, e.g. ingest:write
    created_by UUID        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);

CREATE INDEX api_key_by_project ON api_key (project_id, created_at);

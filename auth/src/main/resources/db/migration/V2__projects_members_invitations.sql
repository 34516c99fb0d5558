-- Projects can be archived (keys stop working, nothing is lost) and deleted (members and keys go).
ALTER TABLE project ADD COLUMN archived_at TIMESTAMPTZ;
ALTER TABLE project ADD COLUMN deleted_at TIMESTAMPTZ;
ALTER TABLE project DROP CONSTRAINT project_tenant_id_name_key;
CREATE UNIQUE INDEX project_name_in_tenant ON project (tenant_id, lower(name)) WHERE deleted_at IS NULL;

-- Invitations for people without an account yet: the token is shown once to the inviting admin.
CREATE TABLE invitation (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL REFERENCES tenant (id),
    project_id  UUID        NOT NULL REFERENCES project (id),
    email       TEXT        NOT NULL,
    role        TEXT        NOT NULL CHECK (role IN ('viewer', 'engineer', 'admin', 'owner')),
    token_hash  TEXT        NOT NULL UNIQUE,
    invited_by  UUID        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    accepted_at TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);

CREATE INDEX invitation_by_project ON invitation (project_id, created_at);

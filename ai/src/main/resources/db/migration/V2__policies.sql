-- Policies: when an analysis matches a project's condition, act (or, in shadow mode, only record
-- what the policy would have done).
CREATE TABLE policy (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    project_id  UUID        NOT NULL,
    name        TEXT        NOT NULL,
    description TEXT,
    condition   TEXT        NOT NULL,
    actions     JSONB       NOT NULL, -- {items: [{type, severity?, channel?}]}
    mode        TEXT        NOT NULL CHECK (mode IN ('shadow', 'enforce')),
    enabled     BOOLEAN     NOT NULL DEFAULT true,
    priority    INTEGER     NOT NULL DEFAULT 100,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (project_id, name)
);

CREATE INDEX policy_scope ON policy (tenant_id, project_id, priority, name);

-- What a policy decided about an analysis, once per (analysis, policy, action), enforced or shadowed.
CREATE TABLE policy_decision (
    id          UUID         PRIMARY KEY,
    tenant_id   UUID         NOT NULL,
    project_id  UUID         NOT NULL,
    policy_id   UUID         NOT NULL,
    policy_name TEXT         NOT NULL,
    incident_id UUID         NOT NULL,
    analysis_id UUID         NOT NULL REFERENCES analysis (id),
    action      TEXT         NOT NULL,
    mode        TEXT         NOT NULL CHECK (mode IN ('shadow', 'enforce')),
    confidence  NUMERIC(4,3) NOT NULL,
    facts       JSONB        NOT NULL, -- the facts the condition was evaluated on
    decided_at  TIMESTAMPTZ  NOT NULL,
    UNIQUE (analysis_id, policy_id, action)
);

CREATE INDEX policy_decision_list ON policy_decision (tenant_id, project_id, decided_at DESC, id DESC);
CREATE INDEX policy_decision_by_incident ON policy_decision (incident_id, decided_at DESC);

-- What the project learned: an incident that reached LEARNED, with its postmortem, to be matched
-- against new incidents by service, labels and words.
CREATE TABLE precedent (
    incident_id     UUID        PRIMARY KEY,
    tenant_id       UUID        NOT NULL,
    project_id      UUID        NOT NULL,
    reference       TEXT        NOT NULL,
    title           TEXT        NOT NULL,
    service         TEXT,
    details         JSONB       NOT NULL, -- {labels, rootCause, summary, confirmedClaim, words}
    mttr_seconds    BIGINT,
    learned_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX precedent_scope ON precedent (tenant_id, project_id, service);

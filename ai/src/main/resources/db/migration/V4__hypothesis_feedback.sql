-- People's verdicts on hypotheses: one per person and hypothesis, the latest wins.
CREATE TABLE hypothesis_feedback (
    id              UUID        PRIMARY KEY,
    tenant_id       UUID        NOT NULL,
    project_id      UUID        NOT NULL,
    hypothesis_id   UUID        NOT NULL REFERENCES hypothesis (id),
    incident_id     UUID        NOT NULL,
    author_id       TEXT        NOT NULL,
    verdict         TEXT        NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
    note            TEXT,
    suspect_service TEXT,
    category        TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (hypothesis_id, author_id)
);

-- What people said of hypotheses of a kind: the human-validation evidence for similar ones.
CREATE INDEX hypothesis_feedback_kind ON hypothesis_feedback (tenant_id, project_id, suspect_service, category);

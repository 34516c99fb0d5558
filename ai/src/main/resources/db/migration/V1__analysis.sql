-- JSON columns hold one object each: Hibernate Reactive binds JSON through Vert.x JsonObject,
-- which cannot carry a top-level array.

-- What ai knows about an incident: {incident, signals} as incidents announced them.
CREATE TABLE incident_context (
    incident_id UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    project_id  UUID        NOT NULL,
    snapshot    JSONB       NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX incident_context_scope ON incident_context (tenant_id, project_id);

-- One run of the reasoner over an incident's context; the newest is the incident's analysis.
CREATE TABLE analysis (
    id              UUID        PRIMARY KEY,
    tenant_id       UUID        NOT NULL,
    project_id      UUID        NOT NULL,
    incident_id     UUID        NOT NULL REFERENCES incident_context (incident_id),
    status          TEXT        NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    reasoner        TEXT        NOT NULL,
    inconclusive    BOOLEAN     NOT NULL DEFAULT false,
    findings        JSONB       NOT NULL, -- {missingData, rankedServices}
    started_at      TIMESTAMPTZ NOT NULL,
    completed_at    TIMESTAMPTZ
);

CREATE INDEX analysis_latest ON analysis (incident_id, started_at DESC, id DESC);

-- The ranked root-cause hypotheses of an analysis, each with its confidence and why.
CREATE TABLE hypothesis (
    id                   UUID         PRIMARY KEY,
    analysis_id          UUID         NOT NULL REFERENCES analysis (id),
    tenant_id            UUID         NOT NULL,
    project_id           UUID         NOT NULL,
    incident_id          UUID         NOT NULL,
    rank                 INTEGER      NOT NULL,
    claim                TEXT         NOT NULL,
    description          TEXT         NOT NULL,
    suspect_service      TEXT,
    category             TEXT         NOT NULL,
    confidence           NUMERIC(4,3) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    explanation          JSONB        NOT NULL, -- {confidenceBreakdown, evidence}
    UNIQUE (analysis_id, rank)
);

-- Every time an analysis wanted the LLM: answered, answered from the cache, refused by the budget,
-- or failed (timeout, 5xx after retries, malformed answer). Spending is summed from here.
CREATE TABLE ai_request (
    id                UUID          PRIMARY KEY,
    tenant_id         UUID          NOT NULL,
    project_id        UUID          NOT NULL,
    incident_id       UUID          NOT NULL,
    analysis_id       UUID          NOT NULL,
    model             TEXT          NOT NULL,
    outcome           TEXT          NOT NULL,
    finish_reason     TEXT,
    truncated         BOOLEAN       NOT NULL DEFAULT false,
    prompt_tokens     INTEGER       NOT NULL DEFAULT 0 CHECK (prompt_tokens >= 0),
    completion_tokens INTEGER       NOT NULL DEFAULT 0 CHECK (completion_tokens >= 0),
    cost_usd          NUMERIC(12,6) NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
    latency_ms        BIGINT        NOT NULL DEFAULT 0,
    cache_hit         BOOLEAN       NOT NULL DEFAULT false,
    context_hash      TEXT          NOT NULL,
    detail            TEXT,
    created_at        TIMESTAMPTZ   NOT NULL
);

CREATE INDEX ai_request_spend ON ai_request (tenant_id, created_at);

-- The LLM's proposals for a context already seen (Redis holds the hot copy with a TTL).
CREATE TABLE llm_answer (
    tenant_id    UUID        NOT NULL,
    context_hash TEXT        NOT NULL,
    model        TEXT        NOT NULL,
    proposals    JSONB       NOT NULL, -- {hypotheses}
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, context_hash)
);

-- A tenant's monthly LLM budget where its owner set one; others have the configured default.
CREATE TABLE llm_budget (
    tenant_id   UUID          PRIMARY KEY,
    monthly_usd NUMERIC(12,2) NOT NULL CHECK (monthly_usd >= 0),
    updated_at  TIMESTAMPTZ   NOT NULL,
    updated_by  TEXT          NOT NULL
);

-- Thresholds (80, 100 %) already announced for a month, so each is announced once.
CREATE TABLE llm_budget_notice (
    tenant_id    UUID        NOT NULL,
    month        DATE        NOT NULL,
    threshold    INTEGER     NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, month, threshold)
);

-- Who proposed a hypothesis: the deterministic reasoner, or the LLM (scored alike).
ALTER TABLE hypothesis ADD COLUMN proposed_by TEXT NOT NULL DEFAULT 'deterministic'
    CHECK (proposed_by IN ('deterministic', 'llm'));

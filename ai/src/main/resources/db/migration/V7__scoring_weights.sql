-- A project's weights for the five confidence factors, where its admins set them.
CREATE TABLE scoring_weights (
    project_id UUID        PRIMARY KEY,
    tenant_id  UUID        NOT NULL,
    weights    JSONB       NOT NULL, -- {signalStrength, temporalCorrelation, precedentFrequency, evidenceQuality, humanValidation}
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT        NOT NULL
);

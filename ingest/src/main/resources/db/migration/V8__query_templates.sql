-- What the poller asks each integration's Prometheus, how often, and how it judges the answers.
CREATE TABLE query_template (
    id                       UUID             PRIMARY KEY,
    tenant_id                UUID             NOT NULL,
    project_id               UUID             NOT NULL,
    integration_id           UUID             NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    name                     TEXT             NOT NULL,
    query                    TEXT             NOT NULL,
    service_label            TEXT             NOT NULL,
    unit                     TEXT,
    severity                 TEXT             NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    interval_seconds         INT              NOT NULL CHECK (interval_seconds BETWEEN 15 AND 86400),
    threshold_operator       TEXT             CHECK (threshold_operator IN ('>', '>=', '<', '<=')),
    threshold_value          DOUBLE PRECISION,
    threshold_for_seconds    INT              CHECK (threshold_for_seconds >= 0),
    anomaly_baseline_seconds INT              CHECK (anomaly_baseline_seconds >= 300),
    anomaly_z                DOUBLE PRECISION CHECK (anomaly_z > 0),
    anomaly_points           INT              CHECK (anomaly_points >= 1),
    library_id               TEXT,
    enabled                  BOOLEAN          NOT NULL,
    next_run_at              TIMESTAMPTZ      NOT NULL,
    last_run_at              TIMESTAMPTZ,
    last_error               TEXT,
    failures                 INT              NOT NULL DEFAULT 0,
    created_at               TIMESTAMPTZ      NOT NULL,
    updated_at               TIMESTAMPTZ      NOT NULL,
    UNIQUE (project_id, name),
    CHECK (threshold_operator IS NOT NULL OR anomaly_z IS NOT NULL)
);

CREATE INDEX query_template_due ON query_template (next_run_at) WHERE enabled;

-- Per series of a template: its learned baseline and where detection stands.
CREATE TABLE series_state (
    template_id     UUID             NOT NULL REFERENCES query_template (id) ON DELETE CASCADE,
    series_key      TEXT             NOT NULL,
    labels          JSONB            NOT NULL,
    baseline_median DOUBLE PRECISION,
    baseline_mad    DOUBLE PRECISION,
    baseline_points INT,
    baseline_at     TIMESTAMPTZ,
    last_value      DOUBLE PRECISION,
    last_score      DOUBLE PRECISION,
    last_at         TIMESTAMPTZ,
    onset_at        TIMESTAMPTZ,
    firing_since    TIMESTAMPTZ,
    PRIMARY KEY (template_id, series_key)
);

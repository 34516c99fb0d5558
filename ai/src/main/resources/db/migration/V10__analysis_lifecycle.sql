-- An analysis is started (one transaction), computed (none) and completed or failed (one
-- transaction). While it is computed a worker holds a lease on it; a lease that runs out (the
-- worker died) lets another worker take it over, at most three attempts in all.
ALTER TABLE analysis ADD COLUMN origin       TEXT        NOT NULL DEFAULT 'incident.created'
    CHECK (origin IN ('incident.created', 'rerun', 'data-arrived'));
ALTER TABLE analysis ADD COLUMN actor_type   TEXT        NOT NULL DEFAULT 'system';
ALTER TABLE analysis ADD COLUMN actor_id     TEXT        NOT NULL DEFAULT 'ai';
ALTER TABLE analysis ADD COLUMN attempts     INTEGER     NOT NULL DEFAULT 1;
ALTER TABLE analysis ADD COLUMN lease_until  TIMESTAMPTZ;
-- {step, reason} of a failed analysis.
ALTER TABLE analysis ADD COLUMN failure      JSONB;
-- When an analysis that ran before the metrics around the incident were in is to run once more.
ALTER TABLE analysis ADD COLUMN rerun_at     TIMESTAMPTZ;

-- Analyses stuck from before this migration can never finish: they are failed, so the incident can be analysed again.
UPDATE analysis SET status = 'failed', completed_at = now(),
    failure = '{"step": "unknown", "reason": "left running by an earlier version of ai"}'
    WHERE status = 'running';

-- One running analysis per incident, across replicas (replaces the Redis lock).
CREATE UNIQUE INDEX analysis_one_running ON analysis (incident_id) WHERE status = 'running';
CREATE INDEX analysis_lease ON analysis (lease_until) WHERE status = 'running';
CREATE INDEX analysis_rerun_due ON analysis (rerun_at) WHERE rerun_at IS NOT NULL;

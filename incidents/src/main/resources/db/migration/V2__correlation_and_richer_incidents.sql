-- Severities are critical, high, medium, low, info (the earlier "warning" is medium); sources say
-- where an incident came from.
ALTER TABLE incident DROP CONSTRAINT incident_severity_check;
UPDATE incident SET severity = 'medium' WHERE severity = 'warning';
UPDATE incident_signal SET severity = 'medium' WHERE severity = 'warning';
ALTER TABLE incident ADD CONSTRAINT incident_severity_check
    CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info'));
ALTER TABLE incident DROP CONSTRAINT incident_source_check;
UPDATE incident SET source = 'alertmanager' WHERE source = 'alert';
ALTER TABLE incident ADD CONSTRAINT incident_source_check
    CHECK (source IN ('manual', 'alertmanager', 'prometheus', 'event'));

ALTER TABLE incident ADD COLUMN labels JSONB NOT NULL DEFAULT '{}';
ALTER TABLE incident ADD COLUMN assignee_id UUID;
-- When an alert last joined the incident: the correlation window is counted from it.
ALTER TABLE incident ADD COLUMN last_signal_at TIMESTAMPTZ;
UPDATE incident SET last_signal_at = detected_at;
ALTER TABLE incident ALTER COLUMN last_signal_at SET NOT NULL;

CREATE INDEX incident_recently_updated ON incident (tenant_id, project_id, updated_at DESC, id DESC);
CREATE INDEX incident_open_by_service ON incident (project_id, service, last_signal_at DESC)
    WHERE state NOT IN ('RESOLVED', 'LEARNED');

-- The alert groups an incident stands for, and why each was attached (rule, keys, window).
CREATE TABLE incident_alert_group (
    incident_id    UUID        NOT NULL REFERENCES incident (id),
    alert_group_id UUID        NOT NULL,
    tenant_id      UUID        NOT NULL,
    project_id     UUID        NOT NULL,
    service        TEXT,
    status         TEXT        NOT NULL CHECK (status IN ('firing', 'resolved')),
    attached_at    TIMESTAMPTZ NOT NULL,
    resolved_at    TIMESTAMPTZ,
    reason         JSONB       NOT NULL,
    PRIMARY KEY (incident_id, alert_group_id)
);
CREATE INDEX incident_alert_group_by_group ON incident_alert_group (project_id, alert_group_id, attached_at DESC);
INSERT INTO incident_alert_group
SELECT id, alert_group_id, tenant_id, project_id, service, 'firing', created_at, NULL, '{"rule": "new-alert-group"}'
FROM incident WHERE alert_group_id IS NOT NULL;
DROP INDEX incident_by_alert_group;
ALTER TABLE incident DROP COLUMN alert_group_id;

-- How a project correlates: the window in which a new group of the same service joins an open
-- incident (and a re-fire reopens a resolved one), and whether incidents resolve with their alerts.
CREATE TABLE project_settings (
    project_id                 UUID        PRIMARY KEY,
    tenant_id                  UUID        NOT NULL,
    correlation_window_seconds INTEGER     NOT NULL CHECK (correlation_window_seconds BETWEEN 60 AND 86400),
    auto_resolve               BOOLEAN     NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL
);

-- Timeline entries keep structured details (attach reasons, analysis results, delivery outcomes),
-- and entries written in the same instant keep the order they were written in.
ALTER TABLE timeline_entry ADD COLUMN data JSONB NOT NULL DEFAULT '{}';
ALTER TABLE timeline_entry ADD COLUMN seq BIGSERIAL;
DROP INDEX timeline_by_incident;
CREATE INDEX timeline_by_incident ON timeline_entry (incident_id, occurred_at, seq);

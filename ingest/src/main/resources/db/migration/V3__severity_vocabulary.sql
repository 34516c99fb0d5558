-- Severities are critical, high, medium, low, info; the earlier "warning" is medium.
ALTER TABLE signal DROP CONSTRAINT signal_severity_check;
UPDATE signal SET severity = 'medium' WHERE severity = 'warning';
ALTER TABLE signal ADD CONSTRAINT signal_severity_check CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info'));

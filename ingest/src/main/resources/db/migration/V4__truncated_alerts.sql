-- Alertmanager leaves alerts out of a notification past its max_alerts and says how many;
-- the group keeps the latest count, so people know the member list is incomplete.
ALTER TABLE alert_group ADD COLUMN truncated_alerts INT NOT NULL DEFAULT 0;

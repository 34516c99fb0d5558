-- Per-project rules deciding which signals share an alert group. Without rules (or when none
-- matches a signal) Alertmanager's groupKey decides, and a generic event's dedup_key.
CREATE TABLE correlation_rule (
    id             UUID        PRIMARY KEY,
    tenant_id      UUID        NOT NULL,
    project_id     UUID        NOT NULL,
    name           TEXT        NOT NULL,
    label_names    TEXT[]      NOT NULL CHECK (cardinality(label_names) BETWEEN 1 AND 10),
    window_seconds INT         NOT NULL CHECK (window_seconds BETWEEN 60 AND 86400),
    priority       INT         NOT NULL,
    enabled        BOOLEAN     NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (project_id, name)
);

-- A rule's key may open a new group after its window: groups of one key are told apart by generation.
ALTER TABLE alert_group ADD COLUMN generation INT NOT NULL DEFAULT 0;
ALTER TABLE alert_group DROP CONSTRAINT alert_group_project_id_group_key_key;
ALTER TABLE alert_group ADD CONSTRAINT alert_group_key_generation UNIQUE (project_id, group_key, generation);

-- Why each signal is in its group: {rule, ruleId?, keys, window?: {value, unit}}.
ALTER TABLE signal ADD COLUMN correlation JSONB;
UPDATE signal s SET correlation = jsonb_build_object('rule', 'group-key', 'keys',
        jsonb_build_object('groupKey', g.group_key))
  FROM alert_group g WHERE g.id = s.alert_group_id;

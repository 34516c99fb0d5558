-- What a policy would have done, beside what people then did: the action's parameters, the first
-- thing people did that bears on it, and whether it agreed. Precision = agreed / judged.
ALTER TABLE policy_decision
    ADD COLUMN severity   TEXT,
    ADD COLUMN channel    TEXT,
    ADD COLUMN people_did TEXT,
    ADD COLUMN agreed     BOOLEAN,
    ADD COLUMN judged_at  TIMESTAMPTZ;

CREATE INDEX policy_decision_unjudged ON policy_decision (incident_id) WHERE judged_at IS NULL;

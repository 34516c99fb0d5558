-- What the test handlers did: one row per handled event, written in the consumer's transaction.
CREATE TABLE handled_event (
    id         BIGSERIAL PRIMARY KEY,
    event_id   UUID NOT NULL,
    type       TEXT NOT NULL,
    handled_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

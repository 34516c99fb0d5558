-- Event ids a service's consumer has handled; inserted in the handler's transaction so an event
-- redelivered by the stream changes nothing (platform migration, shared by every service).
CREATE TABLE processed_event (
    event_id     UUID        PRIMARY KEY,
    type         TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

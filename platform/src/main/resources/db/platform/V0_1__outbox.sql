-- Transactional outbox, one per service schema (platform migration, shared by every service).
-- Rows are written in the transaction of the state change that caused them and published to
-- Redis by the relay; published rows are kept for sre.events.outbox.retention, then purged.
CREATE TABLE outbox (
    seq          BIGSERIAL   PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    ordering_key UUID        NOT NULL, -- project id, else tenant id: events of one key go out in order
    tenant_id    UUID,
    project_id   UUID,
    type         TEXT        NOT NULL,
    envelope     JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);

CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_unpublished_by_key ON outbox (ordering_key, seq) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Where a project's incident news goes: a signed webhook, a Slack incoming webhook or e-mail,
-- routed by severity, service and event type.
CREATE TABLE notification_channel (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    project_id  UUID        NOT NULL,
    name        TEXT        NOT NULL,
    type        TEXT        NOT NULL CHECK (type IN ('webhook', 'slack', 'email')),
    config      JSONB       NOT NULL,
    secret      TEXT,
    routing     JSONB       NOT NULL,
    enabled     BOOLEAN     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (project_id, name)
);

-- One message to one channel: written when an event routes to the channel, then sent, retried
-- with backoff and logged. A sender holds a row through lease_until, so a crashed sender's rows
-- are taken over once the lease ends.
CREATE TABLE notification_delivery (
    id              UUID        PRIMARY KEY,
    tenant_id       UUID        NOT NULL,
    project_id      UUID        NOT NULL,
    channel_id      UUID        NOT NULL REFERENCES notification_channel (id) ON DELETE CASCADE,
    incident_id     UUID,
    event_id        UUID        NOT NULL,
    event_type      TEXT        NOT NULL,
    payload         JSONB       NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    last_error      TEXT,
    response_status INTEGER,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (channel_id, event_id)
);
CREATE INDEX notification_delivery_due ON notification_delivery (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX notification_delivery_log ON notification_delivery (channel_id, created_at DESC, id DESC);

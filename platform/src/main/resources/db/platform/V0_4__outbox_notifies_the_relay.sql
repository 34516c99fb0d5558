-- Wakes the relay when events are committed instead of letting it poll: one notification per
-- committing transaction that wrote to the outbox (PostgreSQL delivers NOTIFY at commit, and folds
-- identical ones of a transaction into one), on a channel per service schema.
CREATE FUNCTION outbox_notify_relay() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sre_outbox_' || TG_TABLE_SCHEMA, '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_notify_relay AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify_relay();

-- A hash chain per tenant (tenant-less system events chain under the nil UUID): each record's
-- hash = SHA-256(previous hash || canonical JSON of the record), numbered without gaps. Records
-- written before the chain existed have no number and stay outside it.
ALTER TABLE audit_record
    ADD COLUMN seq       BIGINT,
    ADD COLUMN prev_hash TEXT,
    ADD COLUMN hash      TEXT;

CREATE UNIQUE INDEX audit_record_chain ON audit_record (COALESCE(tenant_id, '00000000-0000-0000-0000-000000000000'), seq)
    WHERE seq IS NOT NULL;

-- The head of each tenant's chain; appends lock it, so records are numbered one at a time.
CREATE TABLE audit_chain (
    chain_id   UUID        PRIMARY KEY,
    seq        BIGINT      NOT NULL,
    head_hash  TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Where verification starts once retention removed the records before: the last removed
-- record's number and hash.
CREATE TABLE audit_checkpoint (
    chain_id   UUID        NOT NULL,
    seq        BIGINT      NOT NULL,
    hash       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (chain_id, seq)
);

-- How long a tenant's audit records are kept, where its owner set it (else 365 days).
CREATE TABLE audit_retention (
    tenant_id  UUID        PRIMARY KEY,
    days       INTEGER     NOT NULL CHECK (days BETWEEN 1 AND 3650),
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT        NOT NULL
);

-- Records never change; only the retention job, which says so for its own transaction, removes
-- them (and leaves a checkpoint first).
CREATE OR REPLACE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('sre.audit_retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit records are append-only';
END;
$$;

CREATE TRIGGER audit_record_no_delete BEFORE DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();

-- A timeline entry records what happened; it is never edited afterwards. The trigger makes that a
-- rule of the database, so neither a bug nor an ORM's dirty check can rewrite history (Hibernate
-- used to follow every INSERT of an entry with an UPDATE of the same row: its JSON snapshot of
-- `data` never compared equal). Deleting (an incident's or a tenant's erasure) stays allowed.
CREATE FUNCTION timeline_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'timeline entries are append-only (entry %)', OLD.id USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER timeline_entry_append_only BEFORE UPDATE ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION timeline_entry_is_append_only();

-- Every node remembers which org units and keys no budget applies to, so their calls reserve without a
-- round trip (see dev.switchboard.budget.Unbudgeted). Any change that could make a budget apply where
-- none did notifies every listening node, which then forgets what it knew: a budget created, changed,
-- archived or removed, or an org unit moved under another parent.
CREATE FUNCTION notify_budget_scope_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('switchboard_budget_scope', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER budget_scope_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON budget
    FOR EACH STATEMENT EXECUTE FUNCTION notify_budget_scope_changed();

CREATE TRIGGER org_unit_parent_changed
    AFTER UPDATE OF parent_id ON org_unit
    FOR EACH STATEMENT EXECUTE FUNCTION notify_budget_scope_changed();

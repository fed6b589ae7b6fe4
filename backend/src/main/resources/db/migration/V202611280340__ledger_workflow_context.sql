-- Calls made from inside the platform (LangChain4j models in workflows) carry the workflow run and
-- step that made them, so a run's cost can be read from the ledger. Nullable: API calls have neither.
-- Adding columns rewrites no row, so the append-only trigger stays as it is.
ALTER TABLE usage_ledger
    ADD COLUMN workflow_run_id text,
    ADD COLUMN step_id         text;
CREATE INDEX usage_ledger_workflow_run ON usage_ledger (workflow_run_id) WHERE workflow_run_id IS NOT NULL;

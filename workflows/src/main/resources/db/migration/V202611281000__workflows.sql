-- Workflows (issue #6): a workflow belongs to an org unit, or to nobody (shared company-wide); its
-- versions are drafts or published, and a published version never changes.
CREATE TABLE workflow (
    id          uuid        PRIMARY KEY,
    key         text        NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    org_unit_id uuid        REFERENCES org_unit (id),
    source      text        NOT NULL CHECK (source IN ('USER', 'BUNDLED')),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    archived_at timestamptz
);
CREATE INDEX workflow_unit ON workflow (org_unit_id);

CREATE TABLE workflow_version (
    workflow_id  uuid        NOT NULL REFERENCES workflow (id),
    number       integer     NOT NULL CHECK (number > 0),
    status       text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    definition   jsonb       NOT NULL,
    -- SHA-256 of the canonical JSON: a re-import of the same content is recognised
    fingerprint  text        NOT NULL,
    name         text        NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_by text,
    published_at timestamptz,
    PRIMARY KEY (workflow_id, number),
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);
CREATE UNIQUE INDEX workflow_version_one_draft ON workflow_version (workflow_id) WHERE status = 'DRAFT';

CREATE FUNCTION workflow_version_published_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'published workflow version % of workflow % is immutable (% refused)',
            OLD.number, OLD.workflow_id, TG_OP;
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.workflow_id <> OLD.workflow_id OR NEW.number <> OLD.number) THEN
        RAISE EXCEPTION 'a workflow version keeps its workflow and number';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER workflow_version_immutable
    BEFORE UPDATE OR DELETE ON workflow_version
    FOR EACH ROW EXECUTE FUNCTION workflow_version_published_is_immutable();

-- Runs live here, not only in Temporal: the embedded server cannot list executions, and people search
-- runs by workflow, status, org unit and date.
CREATE TABLE workflow_run (
    id              uuid        PRIMARY KEY,
    workflow_id     uuid        NOT NULL REFERENCES workflow (id),
    version         integer     NOT NULL,
    org_unit_id     uuid        NOT NULL REFERENCES org_unit (id),
    started_by      text        NOT NULL,
    status          text        NOT NULL CHECK (status IN
                        ('RUNNING', 'WAITING_FOR_APPROVAL', 'WAITING_FOR_BUDGET', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    inputs          jsonb       NOT NULL,
    outputs         jsonb,
    error           text,
    failed_node     text,
    -- the run this one retries: its completed steps' outputs are reused, not paid for again
    retry_of        uuid        REFERENCES workflow_run (id),
    parent_run      uuid        REFERENCES workflow_run (id),
    started_at      timestamptz NOT NULL,
    ended_at        timestamptz,
    FOREIGN KEY (workflow_id, version) REFERENCES workflow_version (workflow_id, number)
);
CREATE INDEX workflow_run_search ON workflow_run (workflow_id, started_at DESC);
CREATE INDEX workflow_run_unit ON workflow_run (org_unit_id, started_at DESC);
CREATE INDEX workflow_run_status ON workflow_run (status, started_at DESC);

-- One row per executed step: a node, or one item of a map (step_key 'node[3]'), or one pass of a loop
-- body ('node#2'). Written by the activity that runs it, so a replayed workflow never writes twice.
CREATE TABLE workflow_step (
    run_id        uuid        NOT NULL REFERENCES workflow_run (id),
    step_key      text        NOT NULL,
    node_id       text        NOT NULL,
    kind          text        NOT NULL,
    status        text        NOT NULL CHECK (status IN
                      ('RUNNING', 'WAITING', 'SUCCEEDED', 'FAILED', 'SKIPPED', 'REUSED')),
    attempts      integer     NOT NULL DEFAULT 0,
    input         jsonb,
    output        jsonb,
    error         text,
    input_tokens  bigint      NOT NULL DEFAULT 0,
    output_tokens bigint      NOT NULL DEFAULT 0,
    cost_micros   bigint      NOT NULL DEFAULT 0,
    currency      char(3),
    started_at    timestamptz NOT NULL,
    ended_at      timestamptz,
    PRIMARY KEY (run_id, step_key)
);

-- Human approvals: the inbox. The run waits on a signal; the decision is recorded here first.
CREATE TABLE approval_task (
    id            uuid        PRIMARY KEY,
    run_id        uuid        NOT NULL REFERENCES workflow_run (id),
    step_key      text        NOT NULL,
    node_id       text        NOT NULL,
    title         text        NOT NULL,
    instructions  text        NOT NULL,
    role          text,
    org_unit_id   uuid        REFERENCES org_unit (id),
    fields        jsonb       NOT NULL,
    status        text        NOT NULL CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED', 'TIMED_OUT', 'CANCELLED')),
    decided_by    text,
    decision      jsonb,
    created_at    timestamptz NOT NULL,
    due_at        timestamptz NOT NULL,
    decided_at    timestamptz,
    UNIQUE (run_id, step_key)
);
CREATE INDEX approval_task_open ON approval_task (status, created_at);

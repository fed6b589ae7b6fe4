-- Prompt templates (issue #5): a template belongs to an org unit, or to nobody (shared company-wide);
-- its versions are drafts or published. A published version never changes: a change is a new version.
CREATE TABLE prompt_template (
    id          uuid        PRIMARY KEY,
    key         text        NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    org_unit_id uuid        REFERENCES org_unit (id),
    source      text        NOT NULL CHECK (source IN ('USER', 'BUNDLED')),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    archived_at timestamptz
);
CREATE INDEX prompt_template_unit ON prompt_template (org_unit_id);

CREATE TABLE prompt_version (
    template_id  uuid        NOT NULL REFERENCES prompt_template (id),
    number       integer     NOT NULL CHECK (number > 0),
    status       text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    -- the template as YAML: the same text export gives and import takes
    yaml         text        NOT NULL,
    -- SHA-256 of the canonical YAML: a re-import of the same content is recognised
    fingerprint  text        NOT NULL,
    -- denormalised from the YAML for listing and search
    name         text        NOT NULL,
    tags         text[]      NOT NULL DEFAULT '{}',
    based_on     integer,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_by text,
    published_at timestamptz,
    PRIMARY KEY (template_id, number),
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);
-- at most one draft per template
CREATE UNIQUE INDEX prompt_version_one_draft ON prompt_version (template_id) WHERE status = 'DRAFT';

-- published versions are facts: the database refuses to change or delete them; a draft may be
-- edited, deleted, or published once
CREATE FUNCTION prompt_version_published_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'published prompt version % of template % is immutable (% refused)',
            OLD.number, OLD.template_id, TG_OP;
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.template_id <> OLD.template_id OR NEW.number <> OLD.number) THEN
        RAISE EXCEPTION 'a prompt version keeps its template and number';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER prompt_version_immutable
    BEFORE UPDATE OR DELETE ON prompt_version
    FOR EACH ROW EXECUTE FUNCTION prompt_version_published_is_immutable();

-- saved playground runs: inputs and checks a version is tested against before it is published
CREATE TABLE prompt_test_case (
    id          uuid        PRIMARY KEY,
    template_id uuid        NOT NULL REFERENCES prompt_template (id),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    inputs      jsonb       NOT NULL,
    checks      jsonb       NOT NULL,
    model       text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX prompt_test_case_template ON prompt_test_case (template_id, created_at);

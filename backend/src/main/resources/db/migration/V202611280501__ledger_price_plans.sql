-- Price plans (issue #4): explicit retail prices per model for an org unit, an alternative to a markup.
-- A plan is a price list in one currency; its prices are versioned and append-only like the catalog's
-- (a change appends a price with a later effective_from, so calls already made keep their price).
CREATE TABLE price_plan (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    description text        NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    currency    char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    archived_at timestamptz
);
CREATE UNIQUE INDEX price_plan_active_name ON price_plan (lower(name)) WHERE archived_at IS NULL;

CREATE TABLE price_plan_price (
    id                           uuid        PRIMARY KEY,
    plan_id                      uuid        NOT NULL REFERENCES price_plan (id),
    model                        text        NOT NULL CHECK (length(model) BETWEEN 1 AND 128),
    -- true: from effective_from on the plan no longer lists the model (prices are then zero)
    withdrawn                    boolean     NOT NULL DEFAULT false,
    -- micro-units of the plan's currency per million tokens
    input_micros_per_mtok        bigint      NOT NULL CHECK (input_micros_per_mtok >= 0),
    output_micros_per_mtok       bigint      NOT NULL CHECK (output_micros_per_mtok >= 0),
    cached_input_micros_per_mtok bigint      NOT NULL
        CHECK (cached_input_micros_per_mtok BETWEEN 0 AND input_micros_per_mtok),
    effective_from               timestamptz NOT NULL,
    created_at                   timestamptz NOT NULL,
    created_by                   text        NOT NULL,
    UNIQUE (plan_id, model, effective_from),
    CHECK (NOT withdrawn OR (input_micros_per_mtok = 0 AND output_micros_per_mtok = 0
                             AND cached_input_micros_per_mtok = 0))
);

CREATE FUNCTION price_plan_price_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'price_plan_price rows are immutable: add a price with a later effective_from instead'
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER price_plan_price_no_update_or_delete
    BEFORE UPDATE OR DELETE ON price_plan_price
    FOR EACH ROW EXECUTE FUNCTION price_plan_price_is_append_only();
CREATE TRIGGER price_plan_price_no_truncate
    BEFORE TRUNCATE ON price_plan_price
    FOR EACH STATEMENT EXECUTE FUNCTION price_plan_price_is_append_only();

-- the plan set on a unit; units below inherit it unless a nearer unit sets a markup or a plan
CREATE TABLE org_unit_price_plan (
    org_unit_id uuid        PRIMARY KEY REFERENCES org_unit (id),
    plan_id     uuid        NOT NULL REFERENCES price_plan (id),
    updated_at  timestamptz NOT NULL
);
CREATE INDEX org_unit_price_plan_plan ON org_unit_price_plan (plan_id);

-- A ledger row says how its retail was priced: by a markup (markup_bps) or by a plan (price_plan_id),
-- never both. Existing rows were all priced by markup. DDL fires no row trigger, and the CHECK only
-- reads the rows, so the append-only rule stands.
ALTER TABLE usage_ledger
    ADD COLUMN price_plan_id uuid REFERENCES price_plan (id),
    ALTER COLUMN markup_bps DROP NOT NULL,
    ADD CONSTRAINT usage_ledger_priced_once CHECK ((markup_bps IS NULL) <> (price_plan_id IS NULL));

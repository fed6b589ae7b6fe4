-- Chargeback statements (issue #4): per org unit (its descendants included) per billing period.
--
-- recorded_at: when the ledger wrote the row (the gateway's clock, stamped after the row passed the
-- ledger's cut guard). Statements do not compare clocks, though: a close takes a cut of the ledger
-- (usage_ledger.id at or below which every row is committed and above which every later row lands,
-- see UsageLedger.cut) and stores it as ledger_position. A row of a closed period above that position
-- was recorded after the close: it is late and lands in the next open period's statement.
-- Existing rows get the time of this migration (a constant default: no table rewrite, no trigger).
ALTER TABLE usage_ledger ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();

CREATE TABLE chargeback_statement (
    id              uuid        PRIMARY KEY,
    org_unit_id     uuid        NOT NULL REFERENCES org_unit (id),
    -- '2026-11' (monthly) or '2026-Q4' (quarterly), calendar-aligned in zone
    period          text        NOT NULL CHECK (period ~ '^[0-9]{4}-([0-9]{2}|Q[1-4])$'),
    period_start    timestamptz NOT NULL,
    period_end      timestamptz NOT NULL,
    zone            text        NOT NULL,
    ledger_position bigint      NOT NULL CHECK (ledger_position >= 0),
    closed_at       timestamptz NOT NULL,
    closed_by       text        NOT NULL,
    UNIQUE (org_unit_id, period),
    CHECK (period_start < period_end),
    CHECK (closed_at >= period_end)
);

CREATE TABLE chargeback_statement_line (
    statement_id        uuid    NOT NULL REFERENCES chargeback_statement (id),
    line_no             integer NOT NULL CHECK (line_no >= 1),
    -- NULL: usage of the statement's own period; else the closed period the late usage occurred in
    late_from_period    text    CHECK (late_from_period ~ '^[0-9]{4}-([0-9]{2}|Q[1-4])$'),
    project_id          uuid    REFERENCES org_unit (id),
    model               text    NOT NULL,
    provider_id         text,
    api_key_id          uuid,
    currency            char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    calls               bigint  NOT NULL CHECK (calls >= 1),
    input_tokens        bigint  NOT NULL CHECK (input_tokens >= 0),
    cached_input_tokens bigint  NOT NULL CHECK (cached_input_tokens BETWEEN 0 AND input_tokens),
    output_tokens       bigint  NOT NULL CHECK (output_tokens >= 0),
    wholesale_micros    bigint  NOT NULL CHECK (wholesale_micros >= 0),
    retail_micros       bigint  NOT NULL CHECK (retail_micros >= 0),
    PRIMARY KEY (statement_id, line_no)
);

-- A closed statement is a fact, like the ledger rows it sums: no update, no delete, and no line added
-- after the transaction that closed it.
CREATE FUNCTION chargeback_statement_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is immutable once closed (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER chargeback_statement_immutable
    BEFORE UPDATE OR DELETE ON chargeback_statement
    FOR EACH ROW EXECUTE FUNCTION chargeback_statement_is_immutable();
CREATE TRIGGER chargeback_statement_no_truncate
    BEFORE TRUNCATE ON chargeback_statement
    FOR EACH STATEMENT EXECUTE FUNCTION chargeback_statement_is_immutable();
CREATE TRIGGER chargeback_statement_line_immutable
    BEFORE UPDATE OR DELETE ON chargeback_statement_line
    FOR EACH ROW EXECUTE FUNCTION chargeback_statement_is_immutable();
CREATE TRIGGER chargeback_statement_line_no_truncate
    BEFORE TRUNCATE ON chargeback_statement_line
    FOR EACH STATEMENT EXECUTE FUNCTION chargeback_statement_is_immutable();

CREATE FUNCTION chargeback_line_only_while_closing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM chargeback_statement
                   WHERE id = NEW.statement_id AND xmin = pg_current_xact_id()::xid) THEN
        RAISE EXCEPTION 'statement % is closed: lines are written only by the transaction that closes it',
            NEW.statement_id USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER chargeback_statement_line_only_while_closing
    BEFORE INSERT ON chargeback_statement_line
    FOR EACH ROW EXECUTE FUNCTION chargeback_line_only_while_closing();

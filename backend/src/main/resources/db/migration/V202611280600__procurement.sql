-- Procurement, the upstream side of the resale: per provider an account holding a prepaid balance or a
-- credit line, drawn down by the wholesale spend the usage ledger records. The ledger is the source of
-- truth for spend; an account caches a running total of it (spend_checkpoint_micros) up to a global
-- ledger watermark, so a balance is: credit limit + top-ups + adjustments - checkpoint - ledger rows
-- above the watermark.
CREATE TABLE provider_account (
    provider_id             text        PRIMARY KEY REFERENCES provider (id),
    kind                    text        NOT NULL CHECK (kind IN ('PREPAID', 'CREDIT_LINE')),
    currency                char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- alert when what is left falls to this amount or below; 0 = alert only when exhausted
    low_balance_micros      bigint      NOT NULL CHECK (low_balance_micros >= 0),
    -- whether the router should avoid the provider while its balance is exhausted
    avoid_when_exhausted    boolean     NOT NULL,
    -- spend counts from calls started at or after this instant (never changed after creation)
    opened_at               timestamptz NOT NULL,
    created_at              timestamptz NOT NULL,
    created_by              text        NOT NULL,
    updated_at              timestamptz NOT NULL,
    -- wholesale spend of ledger rows with id <= procurement_spend_watermark.through_ledger_id
    spend_checkpoint_micros bigint      NOT NULL DEFAULT 0 CHECK (spend_checkpoint_micros >= 0),
    -- the alert state all nodes share; version guards each transition so it happens (and is announced) once
    alert_level             text        NOT NULL DEFAULT 'OK' CHECK (alert_level IN ('OK', 'LOW', 'EXHAUSTED')),
    alert_version           bigint      NOT NULL DEFAULT 0,
    alert_changed_at        timestamptz
);

-- One row: the ledger id up to which every account's checkpoint is summed. Only ledger rows whose ids
-- were drawn long enough ago (switchboard.procurement.settle-lag) are folded in, so a row committed
-- after a later id is never skipped.
CREATE TABLE procurement_spend_watermark (
    singleton         boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    through_ledger_id bigint      NOT NULL CHECK (through_ledger_id >= 0),
    advanced_at       timestamptz
);
INSERT INTO procurement_spend_watermark (singleton, through_ledger_id) VALUES (true, 0);

-- What finance recorded on an account: top-ups (for a credit line: payments), credit limit changes
-- (the latest one is the limit) and signed adjustments. Append-only, with who, when and a reference.
CREATE TABLE provider_account_entry (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id   text        NOT NULL REFERENCES provider_account (provider_id),
    kind          text        NOT NULL CHECK (kind IN ('TOP_UP', 'CREDIT_LIMIT', 'ADJUSTMENT')),
    amount_micros bigint      NOT NULL,
    currency      char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    reference     text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    note          text        CHECK (note IS NULL OR length(note) <= 1000),
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    CHECK ((kind = 'TOP_UP' AND amount_micros > 0)
        OR (kind = 'CREDIT_LIMIT' AND amount_micros >= 0)
        OR (kind = 'ADJUSTMENT' AND amount_micros <> 0))
);
CREATE INDEX provider_account_entry_account ON provider_account_entry (provider_id, id);

CREATE FUNCTION provider_account_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'provider_account_entry is append-only (% refused): record a correcting entry', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER provider_account_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON provider_account_entry
    FOR EACH ROW EXECUTE FUNCTION provider_account_entry_is_append_only();
CREATE TRIGGER provider_account_entry_no_truncate
    BEFORE TRUNCATE ON provider_account_entry
    FOR EACH STATEMENT EXECUTE FUNCTION provider_account_entry_is_append_only();

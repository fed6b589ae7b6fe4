-- The usage ledger: one immutable row per gateway call, both sides of the resale (wholesale cost
-- and retail charge). request_id is the idempotency key. Issue #4 partitions it by month.
CREATE TABLE usage_ledger (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id         text        NOT NULL UNIQUE,
    occurred_at        timestamptz NOT NULL,
    api_key_id         uuid,
    org_unit_id        uuid        NOT NULL REFERENCES org_unit (id),
    project_id         uuid        REFERENCES org_unit (id),
    provider_id        text,
    model              text        NOT NULL,
    input_tokens       bigint      NOT NULL CHECK (input_tokens >= 0),
    output_tokens      bigint      NOT NULL CHECK (output_tokens >= 0),
    cached_tokens      bigint      NOT NULL CHECK (cached_tokens >= 0 AND cached_tokens <= input_tokens),
    reasoning_tokens   bigint      NOT NULL CHECK (reasoning_tokens >= 0),
    usage_source       text        NOT NULL CHECK (usage_source IN ('PROVIDER', 'TOKENIZER')),
    currency           char(3)     NOT NULL,
    wholesale_micros   bigint      NOT NULL CHECK (wholesale_micros >= 0),
    retail_micros      bigint      NOT NULL CHECK (retail_micros >= 0),
    markup_bps         integer     NOT NULL CHECK (markup_bps >= 0),
    latency_ms         bigint      NOT NULL CHECK (latency_ms >= 0),
    ttft_ms            bigint,
    status             text        NOT NULL CHECK (status IN ('OK', 'UPSTREAM_ERROR', 'CLIENT_CANCELLED', 'STREAM_CUT')),
    fallback_chain     text[]      NOT NULL DEFAULT '{}'
);
CREATE INDEX usage_ledger_org_time ON usage_ledger (org_unit_id, occurred_at DESC);
CREATE INDEX usage_ledger_key_time ON usage_ledger (api_key_id, occurred_at DESC) WHERE api_key_id IS NOT NULL;
CREATE INDEX usage_ledger_time ON usage_ledger (occurred_at DESC);

-- ledger rows are facts: no code path updates or deletes them, and the database refuses it too
CREATE FUNCTION usage_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'usage_ledger is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER usage_ledger_append_only
    BEFORE UPDATE OR DELETE ON usage_ledger
    FOR EACH ROW EXECUTE FUNCTION usage_ledger_is_append_only();

-- retail markup per org unit (basis points); the nearest ancestor's applies, else the default
CREATE TABLE org_unit_markup (
    org_unit_id uuid        PRIMARY KEY REFERENCES org_unit (id),
    markup_bps  integer     NOT NULL CHECK (markup_bps >= 0),
    updated_at  timestamptz NOT NULL
);

-- The model catalog: providers (upstreams with an encrypted API key), deployments (a model served by
-- a provider) and their prices. Prices are append-only: a new row with a later effective_from changes
-- the price for calls made after it; rows already written are never updated or deleted, so every
-- ledger entry can be re-priced from history.

CREATE TABLE provider (
    id             text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    display_name   text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    protocol       text        NOT NULL CHECK (protocol IN ('OPENAI_COMPATIBLE', 'ANTHROPIC', 'GEMINI', 'IN_PROCESS')),
    -- the adapter's preset of documented deviations; none for an in-process model
    quirks         text,
    -- absolute http(s) URL, or '{self}/...' for an endpoint of this application (resolved per node)
    base_url       text,
    -- SecretBox ciphertext ('v1:<base64>'), never the key itself
    api_key_sealed text,
    region         text        NOT NULL,
    jurisdiction   text        NOT NULL,
    enabled        boolean     NOT NULL,
    simulated      boolean     NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CHECK ((protocol = 'IN_PROCESS') = (base_url IS NULL)),
    CHECK ((protocol = 'IN_PROCESS') = (quirks IS NULL)),
    CHECK (api_key_sealed IS NULL OR api_key_sealed ~ '^v[0-9]+:')
);

CREATE TABLE model_deployment (
    id                    uuid        PRIMARY KEY,
    provider_id           text        NOT NULL REFERENCES provider (id),
    model_name            text        NOT NULL CHECK (length(model_name) BETWEEN 1 AND 128),
    upstream_model_id     text        NOT NULL CHECK (length(upstream_model_id) BETWEEN 1 AND 200),
    tier                  text        NOT NULL CHECK (tier IN ('FRONTIER', 'STANDARD', 'ECONOMY')),
    supports_tools        boolean     NOT NULL,
    supports_vision       boolean     NOT NULL,
    supports_json         boolean     NOT NULL,
    supports_streaming    boolean     NOT NULL,
    supports_embeddings   boolean     NOT NULL,
    context_window_tokens integer     NOT NULL CHECK (context_window_tokens > 0),
    max_output_tokens     integer     NOT NULL CHECK (max_output_tokens >= 0),
    weight                integer     NOT NULL CHECK (weight BETWEEN 0 AND 1000),
    enabled               boolean     NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    -- a provider serves a public name once; several providers may serve the same name
    UNIQUE (provider_id, model_name)
);
CREATE INDEX model_deployment_name ON model_deployment (model_name);

CREATE TABLE deployment_price (
    id                           uuid        PRIMARY KEY,
    deployment_id                uuid        NOT NULL REFERENCES model_deployment (id),
    -- micro-units of the currency per million tokens
    input_micros_per_mtok        bigint      NOT NULL CHECK (input_micros_per_mtok >= 0),
    output_micros_per_mtok       bigint      NOT NULL CHECK (output_micros_per_mtok >= 0),
    cached_input_micros_per_mtok bigint      NOT NULL
        CHECK (cached_input_micros_per_mtok BETWEEN 0 AND input_micros_per_mtok),
    currency                     char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    effective_from               timestamptz NOT NULL,
    -- where the numbers come from: URL or document, and when it was read
    source                       text        NOT NULL CHECK (length(source) BETWEEN 1 AND 1000),
    created_at                   timestamptz NOT NULL,
    created_by                   text        NOT NULL,
    -- also the index behind "the price of a deployment at an instant"
    UNIQUE (deployment_id, effective_from)
);

CREATE FUNCTION deployment_price_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'deployment_price rows are immutable: add a price with a later effective_from instead'
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER deployment_price_no_update_or_delete
    BEFORE UPDATE OR DELETE ON deployment_price
    FOR EACH ROW EXECUTE FUNCTION deployment_price_is_append_only();

CREATE TRIGGER deployment_price_no_truncate
    BEFORE TRUNCATE ON deployment_price
    FOR EACH STATEMENT EXECUTE FUNCTION deployment_price_is_append_only();

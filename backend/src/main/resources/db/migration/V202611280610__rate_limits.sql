-- Rate limits per API key and per org unit (a unit's limit is shared by its whole subtree): requests
-- and tokens per minute, and concurrent requests. NULL = no limit of that kind.
CREATE TABLE rate_limit (
    id                  uuid        PRIMARY KEY,
    api_key_id          uuid        REFERENCES api_key (id),
    org_unit_id         uuid        REFERENCES org_unit (id),
    requests_per_minute bigint      CHECK (requests_per_minute > 0),
    tokens_per_minute   bigint      CHECK (tokens_per_minute > 0),
    max_concurrent      bigint      CHECK (max_concurrent > 0),
    updated_at          timestamptz NOT NULL,
    updated_by          text        NOT NULL,
    CHECK ((api_key_id IS NULL) <> (org_unit_id IS NULL)),
    CHECK (requests_per_minute IS NOT NULL OR tokens_per_minute IS NOT NULL OR max_concurrent IS NOT NULL)
);
CREATE UNIQUE INDEX rate_limit_per_key ON rate_limit (api_key_id) WHERE api_key_id IS NOT NULL;
CREATE UNIQUE INDEX rate_limit_per_unit ON rate_limit (org_unit_id) WHERE org_unit_id IS NOT NULL;

-- The gateway nodes alive now: each heartbeats here and enforces its share of every limit, so the
-- shares of the live nodes add up to the limit without a database round trip per call.
CREATE TABLE gateway_node (
    node_id      uuid        PRIMARY KEY,
    host         text        NOT NULL,
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL
);
CREATE INDEX gateway_node_heartbeat ON gateway_node (heartbeat_at);

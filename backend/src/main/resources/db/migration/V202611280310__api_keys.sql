-- API keys of the gateway. The secret ('sk-sb-' + 32 random bytes) is never stored: only its SHA-256
-- (the gateway's lookup key) and its first characters for people to tell keys apart. Keys are revoked,
-- never deleted, because ledger rows name the key a call came with.
CREATE TABLE api_key (
    id             uuid        PRIMARY KEY,
    org_unit_id    uuid        NOT NULL REFERENCES org_unit (id),
    project_id     uuid        REFERENCES org_unit (id),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    display_prefix text        NOT NULL CHECK (length(display_prefix) BETWEEN 1 AND 16),
    -- also the index of the gateway's lookup
    secret_sha256  char(64)    NOT NULL UNIQUE CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz,
    revoked_at     timestamptz,
    CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX api_key_org_unit ON api_key (org_unit_id);
CREATE INDEX api_key_project ON api_key (project_id) WHERE project_id IS NOT NULL;

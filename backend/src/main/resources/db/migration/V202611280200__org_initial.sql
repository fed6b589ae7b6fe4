-- The foundation: pgvector (created by the launcher as superuser; a no-op then), the organisation
-- tree, users with roles and memberships, and platform secrets.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE org_unit (
    id          uuid        PRIMARY KEY,
    parent_id   uuid        REFERENCES org_unit (id),
    kind        text        NOT NULL CHECK (kind IN ('COMPANY', 'DEPARTMENT', 'TEAM', 'PROJECT')),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    created_at  timestamptz NOT NULL,
    archived_at timestamptz,
    CHECK ((kind = 'COMPANY') = (parent_id IS NULL)),
    CHECK (id <> parent_id)
);
-- one company per installation
CREATE UNIQUE INDEX org_unit_one_company ON org_unit (kind) WHERE kind = 'COMPANY';
-- sibling names are unique among active units, case-insensitively
CREATE UNIQUE INDEX org_unit_sibling_name ON org_unit (parent_id, lower(name)) WHERE archived_at IS NULL;
CREATE INDEX org_unit_parent ON org_unit (parent_id);

CREATE TABLE app_user (
    id               uuid        PRIMARY KEY,
    username         text        NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name     text        NOT NULL,
    email            text,
    -- bcrypt; NULL for accounts that sign in through an identity provider
    password_hash    text,
    -- the identity provider's subject once OIDC replaces local accounts
    external_subject text        UNIQUE,
    enabled          boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL
);

CREATE TABLE user_role (
    user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    text NOT NULL CHECK (role IN ('platform-admin', 'finance', 'designer', 'operator', 'viewer')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE org_membership (
    user_id     uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    org_unit_id uuid NOT NULL REFERENCES org_unit (id),
    PRIMARY KEY (user_id, org_unit_id)
);
CREATE INDEX org_membership_unit ON org_membership (org_unit_id);

-- secrets the platform generates for itself, stored only as hashes (e.g. the generated master key)
CREATE TABLE platform_secret (
    name       text        PRIMARY KEY,
    value_hash text        NOT NULL,
    created_at timestamptz NOT NULL
);

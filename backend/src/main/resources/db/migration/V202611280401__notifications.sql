-- In-app notifications (issue #4: budget alerts first, other features later). A notification goes to
-- one person or to an org unit (its members and the members of the units above it see it); read
-- state is kept per reader.
CREATE TABLE notification (
    id          uuid        PRIMARY KEY,
    org_unit_id uuid        REFERENCES org_unit (id),
    user_id     uuid        REFERENCES app_user (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
    severity    text        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body        text        NOT NULL CHECK (length(body) <= 4000),
    link        text,
    -- the poster's idempotency key: posting the same thing twice leaves one notification
    dedup_key   text        UNIQUE,
    created_at  timestamptz NOT NULL,
    CHECK ((org_unit_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX notification_unit_time ON notification (org_unit_id, created_at DESC) WHERE org_unit_id IS NOT NULL;
CREATE INDEX notification_user_time ON notification (user_id, created_at DESC) WHERE user_id IS NOT NULL;

-- reader: the signed-in principal's name (a username, or 'master-key')
CREATE TABLE notification_read (
    notification_id uuid        NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    reader          text        NOT NULL,
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (notification_id, reader)
);

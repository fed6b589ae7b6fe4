-- Budgets (issue #4): a limit per period on an org unit or on an API key, enforced by reservations.
CREATE TABLE budget (
    id            uuid        PRIMARY KEY,
    org_unit_id   uuid        REFERENCES org_unit (id),
    api_key_id    uuid        REFERENCES api_key (id),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    currency      char(3)     NOT NULL,
    amount_micros bigint      NOT NULL CHECK (amount_micros > 0),
    period_kind   text        NOT NULL CHECK (period_kind IN ('MONTHLY', 'QUARTERLY', 'CUSTOM', 'ONE_OFF')),
    custom_days   integer     CHECK (custom_days BETWEEN 1 AND 3660),
    -- the first day the budget applies (in switchboard.budget.time-zone); CUSTOM periods count from it
    starts_on     date        NOT NULL,
    enforcement   text        NOT NULL CHECK (enforcement IN ('HARD', 'SOFT')),
    thresholds    integer[]   NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    archived_at   timestamptz,
    CHECK ((org_unit_id IS NULL) <> (api_key_id IS NULL)),
    CHECK ((period_kind = 'CUSTOM') = (custom_days IS NOT NULL))
);
CREATE INDEX budget_org_unit ON budget (org_unit_id) WHERE archived_at IS NULL;
CREATE INDEX budget_api_key ON budget (api_key_id) WHERE archived_at IS NULL;

-- One counter row per budget and period, created when the period is first used: a new period starts
-- at zero. The limit and enforcement are copied in (and kept current by budget updates) so that the
-- reservation engine decides on this one locked row. reserved = the sum of the live holds in
-- budget_reservation on this row; the engine only ever raises it with a conditional UPDATE that
-- refuses to take a hard budget's spent + reserved above its limit.
-- fillfactor: the hot department's row is updated thousands of times a second; free space on its
-- page keeps those updates HOT (no index has a counter column).
CREATE TABLE budget_period (
    budget_id       uuid        NOT NULL REFERENCES budget (id),
    period_start    timestamptz NOT NULL,
    -- NULL: the period never ends (a one-off budget)
    period_end      timestamptz,
    limit_micros    bigint      NOT NULL CHECK (limit_micros >= 0),
    hard            boolean     NOT NULL,
    spent_micros    bigint      NOT NULL DEFAULT 0 CHECK (spent_micros >= 0),
    reserved_micros bigint      NOT NULL DEFAULT 0 CHECK (reserved_micros >= 0),
    PRIMARY KEY (budget_id, period_start),
    CHECK (period_end IS NULL OR period_end > period_start)
) WITH (fillfactor = 50);

-- Live reservations: one row per held budget. Deleting a row (settle, release, sweep) is what entitles
-- the deleter to take its amount off budget_period.reserved, so it is taken off exactly once.
CREATE TABLE budget_reservation (
    reservation_id uuid        NOT NULL,
    budget_id      uuid        NOT NULL,
    period_start   timestamptz NOT NULL,
    amount_micros  bigint      NOT NULL CHECK (amount_micros >= 0),
    request_id     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    PRIMARY KEY (reservation_id, budget_id),
    FOREIGN KEY (budget_id, period_start) REFERENCES budget_period (budget_id, period_start)
);
CREATE INDEX budget_reservation_expiry ON budget_reservation (expires_at);

-- A threshold crossed in a period, once: the primary key makes the alert (and its notification)
-- happen exactly once however many nodes settle concurrently.
CREATE TABLE budget_alert (
    budget_id         uuid        NOT NULL,
    period_start      timestamptz NOT NULL,
    threshold_percent integer     NOT NULL CHECK (threshold_percent > 0),
    spent_micros      bigint      NOT NULL,
    limit_micros      bigint      NOT NULL,
    crossed_at        timestamptz NOT NULL,
    -- set once the in-app notification is posted; the sweeper re-posts alerts a crashed node left
    notified_at       timestamptz,
    PRIMARY KEY (budget_id, period_start, threshold_percent),
    FOREIGN KEY (budget_id, period_start) REFERENCES budget_period (budget_id, period_start)
);
CREATE INDEX budget_alert_unnotified ON budget_alert (crossed_at) WHERE notified_at IS NULL;

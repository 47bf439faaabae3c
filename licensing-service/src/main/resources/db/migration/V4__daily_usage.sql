-- Portal users' daily call counts, flushed here by the gateways from Redis so that usage history
-- survives a Redis loss; and every administrator's correction of a count, for audit.
CREATE TABLE daily_usage (
    user_id    uuid        NOT NULL,
    day        date        NOT NULL,
    calls      integer     NOT NULL CHECK (calls >= 0),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, day)
);
CREATE INDEX daily_usage_by_day ON daily_usage (day);

CREATE TABLE usage_adjustments (
    id           bigserial PRIMARY KEY,
    user_id      uuid        NOT NULL,
    day          date        NOT NULL,
    calls_before integer     NOT NULL,
    calls_after  integer     NOT NULL CHECK (calls_after >= 0),
    actor        text        NOT NULL,
    reason       text        NOT NULL,
    at           timestamptz NOT NULL
);
CREATE INDEX usage_adjustments_by_user ON usage_adjustments (user_id, id);

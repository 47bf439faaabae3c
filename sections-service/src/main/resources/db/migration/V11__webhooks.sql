-- Partner systems' endpoints and what was sent to them. A delivery is written in the transaction of
-- the change it reports and sent (Standard Webhooks signatures) with retries from there.
CREATE TABLE webhook_endpoints (
    id                   uuid PRIMARY KEY,
    -- Null: the whole installation's events; else one account's only.
    account_id           uuid,
    url                  text        NOT NULL CHECK (length(url) <= 2000),
    secret               text        NOT NULL,
    events               text[]      NOT NULL,
    enabled              boolean     NOT NULL DEFAULT true,
    disabled_reason      text,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    created_by           text        NOT NULL,
    created_at           timestamptz NOT NULL,
    version              bigint      NOT NULL DEFAULT 0
);

CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_type      text        NOT NULL,
    payload         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    failed_at       timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX webhook_deliveries_of_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);

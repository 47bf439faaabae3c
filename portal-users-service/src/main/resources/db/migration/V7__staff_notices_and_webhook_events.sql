-- What portal staff must hear (a registration to decide, a license running out, seats used up, a
-- webhook endpoint disabled): written with its cause and mailed by StaffNoticeRelay to every portal
-- administrator the identity provider names. The id comes from the cause, so telling twice tells once.
CREATE TABLE staff_notices (
    id uuid PRIMARY KEY,
    kind text NOT NULL,
    facts jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts int NOT NULL DEFAULT 0,
    last_error text,
    mailed_at timestamptz
);
CREATE INDEX staff_notices_due ON staff_notices (next_attempt_at) WHERE mailed_at IS NULL;

-- Events about portal users for partner systems' webhooks (user.registered, user.blocked), written with
-- the change and handed to sections-service, which owns the endpoints and their deliveries.
CREATE TABLE webhook_events (
    id uuid PRIMARY KEY,
    type text NOT NULL,
    account_id uuid NOT NULL,
    data jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts int NOT NULL DEFAULT 0,
    last_error text,
    relayed_at timestamptz
);
CREATE INDEX webhook_events_due ON webhook_events (next_attempt_at) WHERE relayed_at IS NULL;

-- Notifications this service asks for (an agent's answer, an approval request), written in the
-- transaction of the change that causes them and relayed to portal-users-service, which knows the
-- people's addresses, languages and choices, until it has taken each one.
CREATE TABLE notification_outbox (
    id                uuid PRIMARY KEY,
    kind              text        NOT NULL,
    recipient_user_id uuid        NOT NULL,
    facts             jsonb       NOT NULL,
    created_at        timestamptz NOT NULL,
    attempts          integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    last_error        text,
    relayed_at        timestamptz
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE relayed_at IS NULL;

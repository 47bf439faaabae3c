-- The mail outbox: a mail is written in the transaction of the change that causes it and sent by
-- MailSender afterwards, with retries, so that neither a mail server outage nor a restart loses it.
CREATE TABLE outgoing_mails (
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    sent_at         timestamptz
);
CREATE INDEX outgoing_mails_due ON outgoing_mails (next_attempt_at) WHERE sent_at IS NULL;

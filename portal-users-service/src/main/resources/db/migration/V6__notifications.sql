-- Notifications other services ask for (an agent's answer, an approval request) become mails in the
-- same outbox, once each: the notification's id is kept, so a repeated request adds nothing.
ALTER TABLE outgoing_mails ADD COLUMN notification_id uuid UNIQUE;
ALTER TABLE outgoing_mails ADD COLUMN recipient_user_id uuid;
-- Set when the sender gives up (after portal.mail.give-up-after attempts): the delivery log's "failed".
ALTER TABLE outgoing_mails ADD COLUMN failed_at timestamptz;
CREATE INDEX outgoing_mails_by_recipient ON outgoing_mails (recipient_user_id, created_at);
DROP INDEX outgoing_mails_due;
CREATE INDEX outgoing_mails_due ON outgoing_mails (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

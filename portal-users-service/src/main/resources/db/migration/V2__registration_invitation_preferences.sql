-- A person who registers is a pending portal user until a decision; their account may be unknown
-- until an administrator picks it.
ALTER TABLE portal_users ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE portal_users ADD CONSTRAINT portal_users_active_have_account
    CHECK (status = 'pending' OR account_id IS NOT NULL);
ALTER TABLE portal_users ADD COLUMN preferences text NOT NULL DEFAULT '{}';
ALTER TABLE portal_users ADD COLUMN updated_at timestamptz;

CREATE TABLE registrations (
    id            uuid PRIMARY KEY,
    subject       text        NOT NULL,
    email         text        NOT NULL,
    display_name  text        NOT NULL,
    company_name  text        NOT NULL,
    phone         text,
    message       text,
    account_id    uuid REFERENCES accounts (id),
    user_id       uuid REFERENCES portal_users (id) ON DELETE SET NULL,
    status        text        NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at    timestamptz NOT NULL,
    decided_at    timestamptz,
    decided_by    text,
    decision_note text,
    version       bigint      NOT NULL DEFAULT 0
);
-- One open registration per identity at a time.
CREATE UNIQUE INDEX registrations_one_pending ON registrations (subject) WHERE status = 'pending';
CREATE INDEX registrations_by_account ON registrations (account_id, status, created_at);

CREATE TABLE invitations (
    id            uuid PRIMARY KEY,
    -- SHA-256 of the code sent to the person; the code itself is never stored.
    code_hash     text        NOT NULL UNIQUE,
    email         text        NOT NULL,
    display_name  text        NOT NULL,
    account_id    uuid        NOT NULL REFERENCES accounts (id),
    access_scope  text        NOT NULL CHECK (access_scope IN ('own', 'account')),
    edition       text,
    idp_subject   text,
    invited_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    accepted_at   timestamptz,
    accepted_by   uuid REFERENCES portal_users (id),
    version       bigint      NOT NULL DEFAULT 0
);
CREATE INDEX invitations_by_account ON invitations (account_id, created_at);

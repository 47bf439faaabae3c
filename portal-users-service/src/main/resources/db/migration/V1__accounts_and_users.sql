CREATE TABLE accounts (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX accounts_name_unique ON accounts (lower(name));

CREATE TABLE portal_users (
    id            uuid PRIMARY KEY,
    -- The OIDC subject; empty until an invited person first signs in.
    subject       text UNIQUE,
    email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    display_name  text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    account_id    uuid        NOT NULL REFERENCES accounts (id),
    status        text        NOT NULL CHECK (status IN ('pending', 'active', 'blocked')),
    access_scope  text        NOT NULL CHECK (access_scope IN ('own', 'account')),
    account_admin boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    version       bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX portal_users_email_unique ON portal_users (lower(email));
CREATE INDEX portal_users_by_account ON portal_users (account_id, status);

-- The conversation on a case. Internal notes are between staff: portal users never see them.
CREATE TABLE case_comments (
    id             uuid PRIMARY KEY,
    record_id      uuid        NOT NULL REFERENCES records (id),
    author_subject text        NOT NULL,
    -- The portal user who wrote it; null when staff did.
    author_user_id uuid,
    author_role    text        NOT NULL CHECK (author_role IN ('portal-user', 'agent', 'admin')),
    internal       boolean     NOT NULL DEFAULT false,
    body           text        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at     timestamptz NOT NULL,
    CHECK (NOT internal OR author_role <> 'portal-user')
);
CREATE INDEX case_comments_by_record ON case_comments (record_id, created_at, id);

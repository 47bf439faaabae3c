-- Case feedback (cases/CaseFeedbackService): a case's contact rates its resolution once, and may
-- reject a resolution, which reopens the case; each rejection is kept with its reason.
CREATE TABLE case_ratings (
    case_id    uuid        PRIMARY KEY REFERENCES records (id),
    account_id uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    rating     smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment    text,
    rated_at   timestamptz NOT NULL
);
CREATE INDEX case_ratings_by_time ON case_ratings (rated_at, case_id);
CREATE INDEX case_ratings_by_account ON case_ratings (account_id, rated_at);

CREATE TABLE case_rejections (
    id          bigserial   PRIMARY KEY,
    case_id     uuid        NOT NULL REFERENCES records (id),
    user_id     uuid        NOT NULL,
    comment     text        NOT NULL,
    rejected_at timestamptz NOT NULL
);
CREATE INDEX case_rejections_by_case ON case_rejections (case_id, id);

CREATE TABLE knowledge_articles (
    id         uuid PRIMARY KEY,
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    body       text        NOT NULL CHECK (length(body) <= 100000),
    tags       text[]      NOT NULL DEFAULT '{}',
    published  boolean     NOT NULL DEFAULT false,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0
);
-- Newest first, with the id as a tie-breaker, for stable paging of what portal users may read.
CREATE INDEX knowledge_articles_published ON knowledge_articles (published, created_at DESC, id);

-- Knowledge base upkeep: every version of an article's text is kept (staff read them), votes may
-- carry a comment, and a "not helpful" vote with a comment is a task for the agents.

CREATE TABLE knowledge_article_versions (
    article_id uuid        NOT NULL REFERENCES knowledge_articles (id) ON DELETE CASCADE,
    -- The article's version once this text was written (publishing moves the version, not the text).
    version    bigint      NOT NULL,
    title      text        NOT NULL,
    body       text        NOT NULL,
    tags       text[]      NOT NULL,
    language   text        NOT NULL,
    written_by text        NOT NULL,
    written_at timestamptz NOT NULL,
    PRIMARY KEY (article_id, version)
);
INSERT INTO knowledge_article_versions (article_id, version, title, body, tags, language, written_by, written_at)
SELECT id, version, title, body, tags, language, created_by, updated_at FROM knowledge_articles;

ALTER TABLE article_votes ADD COLUMN comment text CHECK (length(comment) <= 2000);
ALTER TABLE article_votes DROP CONSTRAINT article_votes_article_id_fkey,
    ADD CONSTRAINT article_votes_article_id_fkey FOREIGN KEY (article_id) REFERENCES knowledge_articles (id) ON DELETE CASCADE;

CREATE TABLE knowledge_feedback (
    id         uuid        PRIMARY KEY,
    article_id uuid        NOT NULL REFERENCES knowledge_articles (id) ON DELETE CASCADE,
    subject    text        NOT NULL,
    comment    text        NOT NULL CHECK (length(comment) BETWEEN 1 AND 2000),
    created_at timestamptz NOT NULL,
    done_at    timestamptz,
    done_by    text
);
-- Open tasks newest first, the agents' list.
CREATE INDEX knowledge_feedback_open ON knowledge_feedback (created_at DESC, id) WHERE done_at IS NULL;

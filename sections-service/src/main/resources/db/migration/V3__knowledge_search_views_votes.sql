-- Knowledge base search: a weighted, language-aware text vector (title above tags above body) kept
-- by a trigger, with a GIN index; views for "popular articles"; one helpful vote per user and article.
ALTER TABLE knowledge_articles
    ADD COLUMN language text NOT NULL DEFAULT 'english'
        CHECK (language IN ('simple', 'english', 'german', 'french', 'spanish', 'italian', 'dutch', 'portuguese')),
    ADD COLUMN views bigint NOT NULL DEFAULT 0,
    ADD COLUMN search tsvector;

CREATE FUNCTION knowledge_articles_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := setweight(to_tsvector(NEW.language::regconfig, NEW.title), 'A')
               || setweight(to_tsvector('simple', array_to_string(NEW.tags, ' ')), 'B')
               || setweight(to_tsvector(NEW.language::regconfig, NEW.body), 'C');
    RETURN NEW;
END $$;

CREATE TRIGGER knowledge_articles_search BEFORE INSERT OR UPDATE OF title, body, tags, language
    ON knowledge_articles FOR EACH ROW EXECUTE FUNCTION knowledge_articles_search();
UPDATE knowledge_articles SET title = title;
CREATE INDEX knowledge_articles_search_idx ON knowledge_articles USING gin (search);
CREATE INDEX knowledge_articles_popular ON knowledge_articles (published, views DESC, id);

CREATE TABLE article_votes (
    article_id uuid    NOT NULL REFERENCES knowledge_articles (id),
    subject    text    NOT NULL,
    helpful    boolean NOT NULL,
    voted_at   timestamptz NOT NULL,
    PRIMARY KEY (article_id, subject)
);

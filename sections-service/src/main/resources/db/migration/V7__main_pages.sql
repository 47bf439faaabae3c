-- The portal main page of each edition: an ordered list of widgets, configured by administrators.
-- The defaults below serve until an administrator saves a page of their own.
CREATE TABLE main_pages (
    edition    text PRIMARY KEY CHECK (edition IN ('self-service', 'customer', 'partner')),
    widgets    jsonb       NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0
);

INSERT INTO main_pages (edition, widgets, updated_by) VALUES
    ('self-service', '[
      {"type": "knowledge-search", "title": "How can we help?", "placeholder": "Search the knowledge base"},
      {"type": "popular-articles", "title": "Popular articles", "limit": 5},
      {"type": "my-open-cases", "title": "My open cases", "limit": 5}]', 'default'),
    ('customer', '[
      {"type": "knowledge-search", "title": "How can we help?", "placeholder": "Search the knowledge base"},
      {"type": "my-pending-approvals", "title": "Waiting for my approval", "limit": 5},
      {"type": "my-open-cases", "title": "My open cases", "limit": 5},
      {"type": "popular-articles", "title": "Popular articles", "limit": 5}]', 'default'),
    ('partner', '[
      {"type": "my-pending-approvals", "title": "Waiting for my approval", "limit": 5},
      {"type": "my-open-cases", "title": "My open cases", "limit": 5},
      {"type": "knowledge-search", "title": "Knowledge base", "placeholder": "Search the knowledge base"},
      {"type": "popular-articles", "title": "Popular articles", "limit": 5}]', 'default');

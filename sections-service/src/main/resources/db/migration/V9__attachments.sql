-- Files on records and case comments. The bytes live in the object store under a random key; this
-- table holds what the service needs to list, check and serve them.
ALTER TABLE section_definitions ADD COLUMN takes_files boolean NOT NULL DEFAULT false;
UPDATE section_definitions SET takes_files = true
    WHERE code IN ('cases', 'orders', 'documents', 'contracts', 'financial-product-requests');

CREATE TABLE attachments (
    id           uuid PRIMARY KEY,
    record_id    uuid        NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    comment_id   uuid        REFERENCES case_comments (id) ON DELETE CASCADE,
    file_name    text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    content_type text        NOT NULL,
    size         bigint      NOT NULL CHECK (size > 0),
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    object_key   text        NOT NULL UNIQUE,
    uploaded_by  text        NOT NULL,
    -- Attached to an internal note: staff only, like the note.
    internal     boolean     NOT NULL DEFAULT false,
    -- Pending until the object is stored; a pending row older than an hour is an upload that died
    -- half-way, and the sweeper removes it with whatever object it left.
    stored       boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL
);
CREATE INDEX attachments_of_record ON attachments (record_id, created_at, id);
CREATE INDEX attachments_pending ON attachments (created_at) WHERE NOT stored;

-- Section definitions: the base sections of PRODUCT.md as data, and the custom sections that
-- administrators add. One records table serves them all (see docs/decisions/0004).
CREATE TABLE section_definitions (
    code       text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,62}$'),
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    module     text        NOT NULL,
    custom     boolean     NOT NULL,
    -- For custom sections: the editions they are for (customer, partner).
    editions   text[]      NOT NULL DEFAULT '{}',
    fields     jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0,
    CHECK (custom = (module = 'custom')),
    CHECK (custom OR editions = '{}'),
    CHECK (NOT ('self-service' = ANY (editions)))
);

INSERT INTO section_definitions (code, title, module, custom, fields) VALUES
    ('accounts', 'Contractors (accounts)', 'core', false,
     '[{"name": "name", "label": "Name", "type": "text", "required": true, "maxLength": 200, "searchable": true, "sortable": true}, {"name": "industry", "label": "Industry", "type": "text", "maxLength": 100}, {"name": "website", "label": "Website", "type": "text", "maxLength": 300}, {"name": "phone", "label": "Phone", "type": "text", "maxLength": 40}]'),
    ('contacts', 'Contacts', 'core', false,
     '[{"name": "first-name", "label": "First name", "type": "text", "required": true, "maxLength": 100, "searchable": true}, {"name": "last-name", "label": "Last name", "type": "text", "required": true, "maxLength": 100, "searchable": true, "sortable": true}, {"name": "email", "label": "Email", "type": "text", "maxLength": 320, "searchable": true}, {"name": "phone", "label": "Phone", "type": "text", "maxLength": 40}, {"name": "job-title", "label": "Job title", "type": "text", "maxLength": 100}]'),
    ('knowledge-base', 'Knowledge base', 'core', false,
     '[{"name": "title", "label": "Title", "type": "text", "required": true, "maxLength": 300, "searchable": true, "sortable": true}, {"name": "body", "label": "Body", "type": "long-text", "required": true, "maxLength": 100000, "searchable": true}, {"name": "published", "label": "Published", "type": "boolean", "defaultValue": false}]'),
    ('cases', 'Cases', 'service', false,
     '[{"name": "subject", "label": "Subject", "type": "text", "required": true, "maxLength": 200, "searchable": true, "sortable": true}, {"name": "description", "label": "Description", "type": "long-text", "maxLength": 20000, "searchable": true}, {"name": "priority", "label": "Priority", "type": "enumeration", "values": ["low", "medium", "high", "critical"], "defaultValue": "medium", "sortable": true}, {"name": "category", "label": "Category", "type": "enumeration", "values": ["question", "incident", "problem", "request"], "defaultValue": "question"}]'),
    ('leads', 'Leads', 'sales', false,
     '[{"name": "title", "label": "Title", "type": "text", "required": true, "maxLength": 200, "searchable": true, "sortable": true}, {"name": "company-name", "label": "Company", "type": "text", "maxLength": 200, "searchable": true, "sortable": true}, {"name": "contact-name", "label": "Contact name", "type": "text", "maxLength": 200, "searchable": true}, {"name": "email", "label": "Email", "type": "text", "maxLength": 320}, {"name": "phone", "label": "Phone", "type": "text", "maxLength": 40}, {"name": "source", "label": "Source", "type": "enumeration", "values": ["web", "referral", "event", "partner", "other"]}, {"name": "estimated-value", "label": "Estimated value", "type": "money", "sortable": true}, {"name": "currency", "label": "Currency", "type": "enumeration", "values": ["EUR", "USD", "GBP", "CHF"], "defaultValue": "EUR"}, {"name": "expected-close", "label": "Expected close", "type": "date", "sortable": true}]'),
    ('opportunities', 'Sales (opportunities)', 'sales', false,
     '[{"name": "title", "label": "Title", "type": "text", "required": true, "maxLength": 200, "searchable": true, "sortable": true}, {"name": "amount", "label": "Amount", "type": "money", "sortable": true}, {"name": "currency", "label": "Currency", "type": "enumeration", "values": ["EUR", "USD", "GBP", "CHF"], "defaultValue": "EUR"}, {"name": "stage", "label": "Stage", "type": "enumeration", "values": ["qualification", "proposal", "negotiation", "closed-won", "closed-lost"], "defaultValue": "qualification", "sortable": true}, {"name": "probability", "label": "Probability (%)", "type": "number"}, {"name": "close-date", "label": "Close date", "type": "date", "sortable": true}, {"name": "lead", "label": "Lead", "type": "reference", "target": "leads"}]'),
    ('orders', 'Orders', 'sales', false,
     '[{"name": "number", "label": "Order number", "type": "text", "required": true, "maxLength": 50, "searchable": true, "sortable": true}, {"name": "amount", "label": "Amount", "type": "money", "required": true, "sortable": true}, {"name": "currency", "label": "Currency", "type": "enumeration", "values": ["EUR", "USD", "GBP", "CHF"], "defaultValue": "EUR", "required": true}, {"name": "due-date", "label": "Due date", "type": "date", "sortable": true}, {"name": "notes", "label": "Notes", "type": "long-text", "maxLength": 5000, "searchable": true}, {"name": "opportunity", "label": "Opportunity", "type": "reference", "target": "opportunities"}]'),
    ('documents', 'Documents', 'sales', false,
     '[{"name": "title", "label": "Title", "type": "text", "required": true, "maxLength": 200, "searchable": true, "sortable": true}, {"name": "document-type", "label": "Type", "type": "enumeration", "values": ["quote", "invoice", "contract", "specification", "other"], "required": true}, {"name": "number", "label": "Number", "type": "text", "maxLength": 50, "searchable": true}, {"name": "issued-on", "label": "Issued on", "type": "date", "sortable": true}, {"name": "amount", "label": "Amount", "type": "money"}, {"name": "currency", "label": "Currency", "type": "enumeration", "values": ["EUR", "USD", "GBP", "CHF"], "defaultValue": "EUR"}, {"name": "order", "label": "Order", "type": "reference", "target": "orders"}]'),
    ('marketing-activities', 'Marketing activities', 'marketing', false,
     '[{"name": "name", "label": "Name", "type": "text", "required": true, "maxLength": 200, "searchable": true, "sortable": true}, {"name": "channel", "label": "Channel", "type": "enumeration", "values": ["email", "event", "webinar", "social", "print"], "required": true}, {"name": "starts-on", "label": "Starts on", "type": "date", "sortable": true}, {"name": "ends-on", "label": "Ends on", "type": "date"}, {"name": "budget", "label": "Budget", "type": "money"}, {"name": "currency", "label": "Currency", "type": "enumeration", "values": ["EUR", "USD", "GBP", "CHF"], "defaultValue": "EUR"}, {"name": "description", "label": "Description", "type": "long-text", "maxLength": 5000, "searchable": true}]'),
    ('financial-product-requests', 'Requests for financial products', 'bank-customer-journey', false,
     '[{"name": "product-type", "label": "Product", "type": "enumeration", "values": ["loan", "mortgage", "credit-card", "deposit", "leasing"], "required": true, "sortable": true}, {"name": "amount", "label": "Amount", "type": "money", "required": true, "sortable": true}, {"name": "currency", "label": "Currency", "type": "enumeration", "values": ["EUR", "USD", "GBP", "CHF"], "defaultValue": "EUR", "required": true}, {"name": "term-months", "label": "Term (months)", "type": "number"}, {"name": "purpose", "label": "Purpose", "type": "long-text", "maxLength": 5000, "searchable": true}, {"name": "submitted-on", "label": "Submitted on", "type": "date-time", "sortable": true}]'),
    ('contracts', 'Contracts', 'bank-customer-journey', false,
     '[{"name": "number", "label": "Contract number", "type": "text", "required": true, "maxLength": 50, "searchable": true, "sortable": true}, {"name": "title", "label": "Title", "type": "text", "maxLength": 200, "searchable": true}, {"name": "starts-on", "label": "Starts on", "type": "date", "required": true, "sortable": true}, {"name": "ends-on", "label": "Ends on", "type": "date", "sortable": true}, {"name": "amount", "label": "Amount", "type": "money", "sortable": true}, {"name": "currency", "label": "Currency", "type": "enumeration", "values": ["EUR", "USD", "GBP", "CHF"], "defaultValue": "EUR"}, {"name": "auto-renew", "label": "Renews automatically", "type": "boolean", "defaultValue": false}, {"name": "request", "label": "Request", "type": "reference", "target": "financial-product-requests"}]');


CREATE TABLE records (
    id              uuid PRIMARY KEY,
    section_code    text        NOT NULL REFERENCES section_definitions (code),
    account_id      uuid        NOT NULL,
    -- The portal user who created it (null when staff did), and the one it names as contact.
    owner_user_id   uuid,
    contact_user_id uuid,
    created_by      text        NOT NULL,
    status          text,
    data            jsonb       NOT NULL,
    -- The searchable fields' text, kept by the service on every write, and its index form.
    search_text     text        NOT NULL DEFAULT '',
    search          tsvector    GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);
-- The list of one account's records in one section, newest first: the path every portal list takes.
CREATE INDEX records_by_account ON records (section_code, account_id, created_at DESC, id DESC);
-- Staff lists across accounts.
CREATE INDEX records_by_section ON records (section_code, created_at DESC, id DESC);
CREATE INDEX records_owner ON records (section_code, account_id, owner_user_id);
CREATE INDEX records_contact ON records (section_code, account_id, contact_user_id) WHERE contact_user_id IS NOT NULL;
CREATE INDEX records_search ON records USING gin (search);
-- Equality filters on declared fields are JSONB containment.
CREATE INDEX records_data ON records USING gin (data jsonb_path_ops);

CREATE TABLE record_history (
    id        bigserial PRIMARY KEY,
    record_id uuid        NOT NULL REFERENCES records (id),
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    action    text        NOT NULL CHECK (action IN ('created', 'edited', 'field-removed')),
    -- field -> {"from": old, "to": new}
    changes   jsonb       NOT NULL
);
CREATE INDEX record_history_by_record ON record_history (record_id, id);

CREATE TABLE idempotency_keys (
    subject      text        NOT NULL,
    key          text        NOT NULL,
    section_code text        NOT NULL,
    request_hash text        NOT NULL,
    record_id    uuid        NOT NULL REFERENCES records (id),
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (subject, key)
);

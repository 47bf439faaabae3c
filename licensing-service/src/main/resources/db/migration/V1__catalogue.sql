-- The product catalogue, exactly as ../shared/PRODUCT.md states it. Operators extend it with later
-- migrations or rows of their own; code reads it, never restates it.

CREATE TABLE modules (
    code  text PRIMARY KEY,
    title text NOT NULL
);

CREATE TABLE main_products (
    code  text PRIMARY KEY,
    title text NOT NULL
);

CREATE TABLE main_product_modules (
    product_code text NOT NULL REFERENCES main_products (code),
    module_code  text NOT NULL REFERENCES modules (code),
    PRIMARY KEY (product_code, module_code)
);

CREATE TABLE base_sections (
    code        text PRIMARY KEY,
    title       text NOT NULL,
    module_code text NOT NULL REFERENCES modules (code)
);

CREATE TABLE editions (
    code                      text PRIMARY KEY,
    title                     text    NOT NULL,
    audience                  text    NOT NULL,
    -- 'free', 'list' (price_usd_per_user_year applies) or 'on-request'
    subscription_terms        text    NOT NULL CHECK (subscription_terms IN ('free', 'list', 'on-request')),
    price_usd_per_user_year   numeric(10, 2) CHECK ((subscription_terms = 'list') = (price_usd_per_user_year IS NOT NULL)),
    perpetual_terms           text    NOT NULL CHECK (perpetual_terms IN ('free', 'on-request')),
    custom_section_limit      integer NOT NULL CHECK (custom_section_limit >= 0),
    daily_call_limit          integer NOT NULL CHECK (daily_call_limit > 0),
    -- Free editions cap their users: at most max_free_users, and at most
    -- free_users_per_product_user times the main product's users.
    max_free_users            integer CHECK (max_free_users > 0),
    free_users_per_product_user integer CHECK (free_users_per_product_user > 0)
);

CREATE TABLE edition_grants (
    edition_code text NOT NULL REFERENCES editions (code),
    section_code text NOT NULL REFERENCES base_sections (code),
    operation    text NOT NULL CHECK (operation IN ('read', 'create', 'edit')),
    PRIMARY KEY (edition_code, section_code, operation)
);

CREATE TABLE edition_products (
    edition_code text NOT NULL REFERENCES editions (code),
    product_code text NOT NULL REFERENCES main_products (code),
    PRIMARY KEY (edition_code, product_code)
);

INSERT INTO modules (code, title) VALUES
    ('core', 'Core (studio)'),
    ('service', 'Service'),
    ('sales', 'Sales'),
    ('marketing', 'Marketing'),
    ('bank-customer-journey', 'Bank customer journey');

INSERT INTO main_products (code, title) VALUES
    ('studio', 'Studio'),
    ('sales', 'Sales (team, commerce)'),
    ('sales-enterprise', 'Sales enterprise'),
    ('marketing', 'Marketing'),
    ('customer-center', 'Customer center'),
    ('service-enterprise', 'Service enterprise'),
    ('bank-customer-journey', 'Bank customer journey'),
    ('crm-bundle', 'CRM bundle (sales, marketing, service)');

INSERT INTO main_product_modules (product_code, module_code) VALUES
    ('studio', 'core'),
    ('sales', 'core'), ('sales', 'sales'),
    ('sales-enterprise', 'core'), ('sales-enterprise', 'sales'),
    ('marketing', 'core'), ('marketing', 'marketing'),
    ('customer-center', 'core'), ('customer-center', 'service'),
    ('service-enterprise', 'core'), ('service-enterprise', 'service'),
    ('bank-customer-journey', 'core'), ('bank-customer-journey', 'service'),
    ('bank-customer-journey', 'bank-customer-journey'),
    ('crm-bundle', 'core'), ('crm-bundle', 'sales'), ('crm-bundle', 'marketing'), ('crm-bundle', 'service');

INSERT INTO base_sections (code, title, module_code) VALUES
    ('accounts', 'Contractors (accounts)', 'core'),
    ('contacts', 'Contacts', 'core'),
    ('knowledge-base', 'Knowledge base', 'core'),
    ('cases', 'Cases', 'service'),
    ('leads', 'Leads', 'sales'),
    ('opportunities', 'Sales (opportunities)', 'sales'),
    ('orders', 'Orders', 'sales'),
    ('documents', 'Documents', 'sales'),
    ('marketing-activities', 'Marketing activities', 'marketing'),
    ('financial-product-requests', 'Requests for financial products', 'bank-customer-journey'),
    ('contracts', 'Contracts', 'bank-customer-journey');

INSERT INTO editions (code, title, audience, subscription_terms, price_usd_per_user_year, perpetual_terms,
                      custom_section_limit, daily_call_limit, max_free_users, free_users_per_product_user) VALUES
    ('self-service', 'Self-service Portal',
     'any customer who needs help: knowledge base and support cases', 'free', NULL, 'free', 0, 1000, 10000, 100),
    ('customer', 'Customer Portal',
     'customers who start orders and requests, or take part in approvals', 'list', 70, 'on-request', 3, 1000, NULL, NULL),
    ('partner', 'Partner Portal',
     'dealers and partners working leads to closed deals', 'on-request', NULL, 'on-request', 3, 1000, NULL, NULL);

INSERT INTO edition_grants (edition_code, section_code, operation)
SELECT e.edition, e.section, op.operation
FROM (VALUES
        ('self-service', 'knowledge-base', 'R'),
        ('self-service', 'cases', 'RCE'),
        ('customer', 'knowledge-base', 'R'),
        ('customer', 'cases', 'RCE'),
        ('customer', 'financial-product-requests', 'RCE'),
        ('customer', 'contracts', 'RCE'),
        ('partner', 'knowledge-base', 'R'),
        ('partner', 'cases', 'RCE'),
        ('partner', 'leads', 'RCE'),
        ('partner', 'opportunities', 'RCE'),
        ('partner', 'orders', 'RCE'),
        ('partner', 'documents', 'RCE'),
        ('partner', 'marketing-activities', 'RCE')) AS e (edition, section, letters)
JOIN (VALUES ('R', 'read'), ('C', 'create'), ('E', 'edit')) AS op (letter, operation)
  ON position(op.letter IN e.letters) > 0;

INSERT INTO edition_products (edition_code, product_code) VALUES
    ('self-service', 'customer-center'),
    ('self-service', 'service-enterprise'),
    ('self-service', 'bank-customer-journey'),
    ('partner', 'sales-enterprise'),
    ('partner', 'crm-bundle');
INSERT INTO edition_products (edition_code, product_code)
SELECT 'customer', code FROM main_products;

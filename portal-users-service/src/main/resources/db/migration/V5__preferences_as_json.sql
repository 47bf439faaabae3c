-- Preferences were JSON kept as text; as jsonb the database checks that they are JSON at all.
ALTER TABLE portal_users ALTER COLUMN preferences DROP DEFAULT;
ALTER TABLE portal_users ALTER COLUMN preferences TYPE jsonb USING preferences::jsonb;
ALTER TABLE portal_users ALTER COLUMN preferences SET DEFAULT '{}'::jsonb;

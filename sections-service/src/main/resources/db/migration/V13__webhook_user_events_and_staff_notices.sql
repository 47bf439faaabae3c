-- Events other services hand in (portal-users-service's user.registered and user.blocked) carry their
-- own id: one delivery per endpoint and event, however often it is handed in.
ALTER TABLE webhook_deliveries ADD COLUMN source_event_id uuid;
CREATE UNIQUE INDEX webhook_deliveries_once_per_event ON webhook_deliveries (endpoint_id, source_event_id);

-- The portal user who registered an endpoint (an account administrator) hears when it is disabled;
-- null when staff registered it.
ALTER TABLE webhook_endpoints ADD COLUMN created_by_user_id uuid;

-- A notification without a recipient is for the portal administrators (portal-users-service's staff notices).
ALTER TABLE notification_outbox ALTER COLUMN recipient_user_id DROP NOT NULL;

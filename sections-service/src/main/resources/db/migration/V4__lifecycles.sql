-- Lifecycles: a section may declare states and the transitions between them (docs/decisions/0005).
-- A record's state is records.status; status_changed_at dates it, for windows such as a case's reopen.
ALTER TABLE section_definitions ADD COLUMN lifecycle jsonb;
ALTER TABLE records ADD COLUMN status_changed_at timestamptz;

ALTER TABLE record_history DROP CONSTRAINT record_history_action_check;
ALTER TABLE record_history ADD CONSTRAINT record_history_action_check
    CHECK (action IN ('created', 'edited', 'field-removed', 'transition'));

-- Open states still need work (the main page's "my open cases"); locked states keep the values as they are.
UPDATE section_definitions SET lifecycle = '{
  "initial": "new",
  "states": [
    {"name": "new", "label": "New", "open": true},
    {"name": "in-progress", "label": "In progress", "open": true},
    {"name": "waiting-for-customer", "label": "Waiting for customer", "open": true},
    {"name": "resolved", "label": "Resolved"},
    {"name": "closed", "label": "Closed", "locked": true},
    {"name": "cancelled", "label": "Cancelled", "locked": true}],
  "transitions": [
    {"name": "start", "from": ["new"], "to": "in-progress", "by": ["agent"]},
    {"name": "ask-customer", "from": ["in-progress"], "to": "waiting-for-customer", "by": ["agent"]},
    {"name": "answer", "from": ["waiting-for-customer"], "to": "in-progress", "by": ["portal-user", "agent"]},
    {"name": "resolve", "from": ["new", "in-progress", "waiting-for-customer"], "to": "resolved", "by": ["agent"]},
    {"name": "close", "from": ["resolved"], "to": "closed", "by": ["portal-user", "agent"]},
    {"name": "reopen", "from": ["resolved"], "to": "in-progress", "by": ["portal-user", "agent"], "withinDays": 14},
    {"name": "cancel", "from": ["new"], "to": "cancelled", "by": ["portal-user"]}]
}' WHERE code = 'cases';

UPDATE section_definitions SET lifecycle = '{
  "initial": "draft",
  "states": [
    {"name": "draft", "label": "Draft", "open": true},
    {"name": "awaiting-approval", "label": "Awaiting approval", "open": true, "locked": true},
    {"name": "submitted", "label": "Submitted", "open": true, "locked": true},
    {"name": "confirmed", "label": "Confirmed", "open": true, "locked": true},
    {"name": "rejected", "label": "Rejected", "open": true},
    {"name": "fulfilled", "label": "Fulfilled", "locked": true},
    {"name": "cancelled", "label": "Cancelled", "locked": true}],
  "transitions": [
    {"name": "submit", "from": ["draft"], "to": "submitted", "by": ["portal-user", "agent"]},
    {"name": "confirm", "from": ["submitted"], "to": "confirmed", "by": ["agent"]},
    {"name": "reject", "from": ["submitted"], "to": "rejected", "by": ["agent"]},
    {"name": "rework", "from": ["rejected"], "to": "draft", "by": ["portal-user", "agent"]},
    {"name": "fulfil", "from": ["confirmed"], "to": "fulfilled", "by": ["agent"]},
    {"name": "cancel", "from": ["draft", "submitted", "rejected"], "to": "cancelled", "by": ["portal-user", "agent"]}],
  "approval": {"from": ["draft"], "pending": "awaiting-approval", "approved": "submitted", "rejected": "draft"}
}' WHERE code = 'orders';

UPDATE section_definitions SET lifecycle = '{
  "initial": "draft",
  "states": [
    {"name": "draft", "label": "Draft", "open": true},
    {"name": "awaiting-approval", "label": "Awaiting approval", "open": true, "locked": true},
    {"name": "approved", "label": "Approved", "locked": true},
    {"name": "archived", "label": "Archived", "locked": true},
    {"name": "withdrawn", "label": "Withdrawn", "locked": true}],
  "transitions": [
    {"name": "approve", "from": ["draft"], "to": "approved", "by": ["agent"]},
    {"name": "revise", "from": ["approved"], "to": "draft", "by": ["agent"]},
    {"name": "archive", "from": ["approved"], "to": "archived", "by": ["portal-user", "agent"]},
    {"name": "withdraw", "from": ["draft"], "to": "withdrawn", "by": ["portal-user", "agent"]}],
  "approval": {"from": ["draft"], "pending": "awaiting-approval", "approved": "approved", "rejected": "draft"}
}' WHERE code = 'documents';

UPDATE section_definitions SET lifecycle = '{
  "initial": "draft",
  "states": [
    {"name": "draft", "label": "Draft", "open": true},
    {"name": "awaiting-approval", "label": "Awaiting approval", "open": true, "locked": true},
    {"name": "submitted", "label": "Submitted", "open": true, "locked": true},
    {"name": "under-review", "label": "Under review", "open": true, "locked": true},
    {"name": "approved", "label": "Approved", "locked": true},
    {"name": "declined", "label": "Declined", "locked": true},
    {"name": "withdrawn", "label": "Withdrawn", "locked": true}],
  "transitions": [
    {"name": "submit", "from": ["draft"], "to": "submitted", "by": ["portal-user", "agent"]},
    {"name": "review", "from": ["submitted"], "to": "under-review", "by": ["agent"]},
    {"name": "approve", "from": ["under-review"], "to": "approved", "by": ["agent"]},
    {"name": "decline", "from": ["under-review"], "to": "declined", "by": ["agent"]},
    {"name": "return", "from": ["submitted", "under-review"], "to": "draft", "by": ["agent"]},
    {"name": "withdraw", "from": ["draft", "submitted", "under-review"], "to": "withdrawn", "by": ["portal-user"]}],
  "approval": {"from": ["draft"], "pending": "awaiting-approval", "approved": "submitted", "rejected": "draft"}
}' WHERE code = 'financial-product-requests';

UPDATE section_definitions SET lifecycle = '{
  "initial": "draft",
  "states": [
    {"name": "draft", "label": "Draft", "open": true},
    {"name": "offered", "label": "Offered", "open": true, "locked": true},
    {"name": "active", "label": "Active", "locked": true},
    {"name": "declined", "label": "Declined", "locked": true},
    {"name": "terminated", "label": "Terminated", "locked": true},
    {"name": "expired", "label": "Expired", "locked": true}],
  "transitions": [
    {"name": "offer", "from": ["draft"], "to": "offered", "by": ["agent"]},
    {"name": "withdraw-offer", "from": ["offered"], "to": "draft", "by": ["agent"]},
    {"name": "sign", "from": ["offered"], "to": "active", "by": ["portal-user", "agent"]},
    {"name": "decline", "from": ["offered"], "to": "declined", "by": ["portal-user"]},
    {"name": "terminate", "from": ["active"], "to": "terminated", "by": ["agent"]},
    {"name": "expire", "from": ["active"], "to": "expired", "by": ["agent"]}]
}' WHERE code = 'contracts';

UPDATE records r SET status = d.lifecycle ->> 'initial', status_changed_at = r.created_at
FROM section_definitions d WHERE d.code = r.section_code AND d.lifecycle IS NOT NULL AND r.status IS NULL;

-- "My open cases" and approval look-ups go by state.
CREATE INDEX records_status ON records (section_code, account_id, status);

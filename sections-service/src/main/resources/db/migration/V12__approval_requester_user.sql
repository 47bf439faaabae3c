-- The portal user who sent a request (null when staff sent it), so that they hear of the decision.
ALTER TABLE approval_requests ADD COLUMN requested_by_user_id uuid;

-- A block that portal staff set is theirs to undo; account administrators may undo only their own.
ALTER TABLE portal_users ADD COLUMN blocked_by_staff boolean NOT NULL DEFAULT false;

-- An account administrator's invitation gives its seat out of their account's budget when accepted.
ALTER TABLE invitations ADD COLUMN seat_from_budget boolean NOT NULL DEFAULT false;

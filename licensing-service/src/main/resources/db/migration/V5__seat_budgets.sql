-- Seats a portal administrator set aside for an account, per edition, for its account administrators
-- to give out themselves. The row is locked while a seat is given from it, so concurrent givers never
-- exceed it.
CREATE TABLE seat_budgets (
    account_id   uuid        NOT NULL,
    edition_code text        NOT NULL REFERENCES editions (code),
    seats        integer     NOT NULL CHECK (seats >= 0),
    updated_at   timestamptz NOT NULL,
    updated_by   text        NOT NULL,
    PRIMARY KEY (account_id, edition_code)
);

-- The account whose budget a seat came from; empty for seats portal staff gave outside any budget.
ALTER TABLE seats ADD COLUMN budget_account_id uuid;
CREATE INDEX seats_by_budget ON seats (budget_account_id) WHERE budget_account_id IS NOT NULL;

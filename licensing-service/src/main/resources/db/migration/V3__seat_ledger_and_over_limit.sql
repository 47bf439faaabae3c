-- A seat beyond what its license now allows (after a replacement license with fewer seats) is kept
-- but marked: it grants nothing until seats free up, and the administrators see it reported.
ALTER TABLE seats ADD COLUMN over_limit boolean NOT NULL DEFAULT false;

CREATE TABLE seat_ledger (
    id         bigserial PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL CHECK (action IN ('license-imported', 'license-replaced', 'seat-assigned',
                                                      'seat-revoked', 'seat-over-limit', 'seat-within-limit')),
    license_id text        NOT NULL REFERENCES licenses (id),
    user_id    uuid,
    detail     text        NOT NULL
);
CREATE INDEX seat_ledger_by_license ON seat_ledger (license_id, id);
CREATE INDEX seat_ledger_by_user ON seat_ledger (user_id, id) WHERE user_id IS NOT NULL;

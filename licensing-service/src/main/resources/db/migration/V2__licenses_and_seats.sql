CREATE TABLE licenses (
    id                 text PRIMARY KEY,
    installation       text        NOT NULL,
    edition_code       text        NOT NULL REFERENCES editions (code),
    product_code       text        NOT NULL REFERENCES main_products (code),
    product_users      integer     NOT NULL CHECK (product_users > 0),
    -- What the file says, and what this installation may use after the edition's caps.
    seats_in_file      integer     NOT NULL CHECK (seats_in_file >= 0),
    seats              integer     NOT NULL CHECK (seats >= 0 AND seats <= seats_in_file),
    valid_from         date        NOT NULL,
    valid_until        date,
    issued_at          timestamptz NOT NULL,
    imported_at        timestamptz NOT NULL,
    imported_by        text        NOT NULL,
    license_file       text        NOT NULL,
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);

CREATE TABLE seats (
    license_id  text        NOT NULL REFERENCES licenses (id),
    -- A user holds at most one portal seat, whatever the license.
    user_id     uuid        NOT NULL PRIMARY KEY,
    assigned_at timestamptz NOT NULL,
    assigned_by text        NOT NULL
);
CREATE INDEX seats_by_license ON seats (license_id, assigned_at);

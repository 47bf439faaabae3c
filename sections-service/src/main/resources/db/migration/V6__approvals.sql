-- A record sent to portal users of its account for approval: one request, one approval per approver.
CREATE TABLE approval_requests (
    id           uuid PRIMARY KEY,
    record_id    uuid        NOT NULL REFERENCES records (id),
    section_code text        NOT NULL,
    account_id   uuid        NOT NULL,
    requested_by text        NOT NULL,
    message      text CHECK (length(message) <= 2000),
    state        text        NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
    created_at   timestamptz NOT NULL,
    completed_at timestamptz,
    CHECK ((state = 'pending') = (completed_at IS NULL))
);
-- A record has at most one request under way.
CREATE UNIQUE INDEX approval_requests_one_pending ON approval_requests (record_id) WHERE state = 'pending';
CREATE INDEX approval_requests_by_record ON approval_requests (record_id, created_at);

CREATE TABLE approvals (
    id               uuid PRIMARY KEY,
    request_id       uuid NOT NULL REFERENCES approval_requests (id),
    approver_user_id uuid NOT NULL,
    decision         text CHECK (decision IN ('approve', 'reject')),
    comment          text CHECK (length(comment) <= 2000),
    decided_at       timestamptz,
    UNIQUE (request_id, approver_user_id),
    CHECK ((decision IS NULL) = (decided_at IS NULL))
);
-- An approver's open approvals: the list behind GET /api/approvals and the main page.
CREATE INDEX approvals_undecided ON approvals (approver_user_id) WHERE decision IS NULL;

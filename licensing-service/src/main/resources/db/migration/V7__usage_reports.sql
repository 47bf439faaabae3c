-- Usage reports: what each day's calls were made under, refusals, and totals kept as counts arrive
-- (usage/UsageStore owns the arithmetic; UsageTotalsTest holds these tables to the daily rows).

-- The account, edition and license of the user's first counted call that day; empty for days
-- copied before the gateways sent them.
ALTER TABLE daily_usage ADD COLUMN account_id uuid, ADD COLUMN edition text, ADD COLUMN license_id text;

-- Calls refused over the limit, as each gateway instance counted them (its running total for the
-- day, so a repeated copy changes nothing); a day's refusals are the sum over gateways.
CREATE TABLE daily_refusals (
    gateway_id text    NOT NULL,
    user_id    uuid    NOT NULL,
    day        date    NOT NULL,
    refused    integer NOT NULL CHECK (refused >= 0),
    PRIMARY KEY (gateway_id, user_id, day)
);
CREATE INDEX daily_refusals_by_user_day ON daily_refusals (user_id, day);

-- Per day and the account, edition and license the calls were made under.
CREATE TABLE daily_totals (
    day          date    NOT NULL,
    account_id   uuid,
    edition      text,
    license_id   text,
    calls        bigint  NOT NULL,
    refused      bigint  NOT NULL,
    active_users integer NOT NULL,
    CONSTRAINT daily_totals_key UNIQUE NULLS NOT DISTINCT (day, account_id, edition, license_id)
);

-- Per user and month (first day of the month) and what the calls were made under.
CREATE TABLE monthly_usage (
    user_id    uuid   NOT NULL,
    month      date   NOT NULL,
    account_id uuid,
    edition    text,
    license_id text,
    calls      bigint NOT NULL,
    refused    bigint NOT NULL,
    CONSTRAINT monthly_usage_key UNIQUE NULLS NOT DISTINCT (user_id, month, account_id, edition, license_id)
);
CREATE INDEX monthly_usage_by_month ON monthly_usage (month);

INSERT INTO daily_totals (day, account_id, edition, license_id, calls, refused, active_users)
SELECT day, NULL, NULL, NULL, sum(calls), 0, count(*) FROM daily_usage GROUP BY day;
INSERT INTO monthly_usage (user_id, month, account_id, edition, license_id, calls, refused)
SELECT user_id, cast(date_trunc('month', day) AS date), NULL, NULL, NULL, sum(calls), 0 FROM daily_usage
GROUP BY user_id, cast(date_trunc('month', day) AS date);

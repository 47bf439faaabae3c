-- Month reports from pre-summed rows (usage/UsageTotals moves them with the daily ones): calls and
-- refusals per month and account / edition / license, and each month's active users per group of
-- each dimension (users with calls in the month under that account, edition or license), kept
-- exact by counting a user in when their month's calls under the group turn positive and out when
-- a correction takes them back to none. UsageReportTest holds both to monthly_usage.
CREATE TABLE monthly_totals (
    month      date   NOT NULL,
    account_id uuid,
    edition    text,
    license_id text,
    calls      bigint NOT NULL,
    refused    bigint NOT NULL,
    CONSTRAINT monthly_totals_key UNIQUE NULLS NOT DISTINCT (month, account_id, edition, license_id)
);

CREATE TABLE monthly_active_users (
    month     date    NOT NULL,
    dimension text    NOT NULL CHECK (dimension IN ('account', 'edition', 'license')),
    grp       text,
    users     integer NOT NULL,
    CONSTRAINT monthly_active_users_key UNIQUE NULLS NOT DISTINCT (month, dimension, grp)
);

INSERT INTO monthly_totals (month, account_id, edition, license_id, calls, refused)
SELECT month, account_id, edition, license_id, sum(calls), sum(refused) FROM monthly_usage
GROUP BY month, account_id, edition, license_id;

INSERT INTO monthly_active_users (month, dimension, grp, users)
SELECT month, dimension, grp, count(*) FROM (
    SELECT m.user_id, m.month, g.dimension, g.grp FROM monthly_usage m
    CROSS JOIN LATERAL (VALUES ('account', cast(m.account_id AS text)), ('edition', m.edition), ('license', m.license_id))
        AS g (dimension, grp)
    GROUP BY m.user_id, m.month, g.dimension, g.grp HAVING sum(m.calls) > 0) active
GROUP BY month, dimension, grp;

-- A day's active users are the users with calls that day: a count an administrator set back to zero
-- no longer makes its user active (V7 counted every user-day).
UPDATE daily_totals t SET active_users = c.users
FROM (SELECT day, account_id, edition, license_id, count(*) FILTER (WHERE calls > 0) AS users FROM daily_usage
      GROUP BY day, account_id, edition, license_id) c
WHERE t.day = c.day AND t.account_id IS NOT DISTINCT FROM c.account_id AND t.edition IS NOT DISTINCT FROM c.edition
  AND t.license_id IS NOT DISTINCT FROM c.license_id;

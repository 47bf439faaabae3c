#!/usr/bin/env bash
# How fast the administrators' reports answer at a year of data for 10,000 users: starts the system
# (bench/running-system.sh), fills licensing-service's database with a year of generated usage for
# 10,000 users in 500 accounts of the three editions (about 30% of users active on a day), the totals
# derived from those days as licensing keeps them (per day, per user-month, per month and group) and a
# seat for each user on the licenses of their edition, then asks each report through the gateway as a
# portal administrator, interleaved over rounds, and prints p50 and p95 per report. Target: p95 at
# most 200 ms for every report.
#
# Usage: bench/reports.sh [rounds, default 40]   (PostgreSQL as for the tests)
rounds="${1:-40}"
source "$(dirname "${BASH_SOURCE[0]}")/running-system.sh"
export PGHOST="${PORTAL_TEST_PG_HOST:-localhost}" PGPORT="${PORTAL_TEST_PG_PORT:-5432}"
export PGUSER="${PORTAL_TEST_PG_USER:-portal}" PGPASSWORD="${PORTAL_TEST_PG_PASSWORD:-portal}"
db="${PORTAL_DB_PREFIX}licensing"

say "generating a year of usage for 10,000 users"
started=$SECONDS
psql -d "$db" -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE TEMP TABLE bench_users AS
  SELECT gen_random_uuid() AS user_id, a.account_id, a.edition, u AS n
  FROM (SELECT gen_random_uuid() AS account_id, (ARRAY['customer','partner','self-service'])[1 + g % 3] AS edition, g
        FROM generate_series(0, 499) g) a
  CROSS JOIN generate_series(0, 19) u;
-- Each user's license: one of their edition's, or a made-up id where the demo data has none.
ALTER TABLE bench_users ADD COLUMN license_id text;
UPDATE bench_users b SET license_id = coalesce(
  (SELECT l.id FROM licenses l WHERE l.edition_code = b.edition ORDER BY l.id LIMIT 1), 'bench-' || b.edition);
INSERT INTO daily_usage (user_id, day, calls, updated_at, account_id, edition, license_id)
SELECT u.user_id, d.day, 1 + (abs(hashtext(u.user_id::text || d.day)) % 400), now(), u.account_id, u.edition, u.license_id
FROM bench_users u
CROSS JOIN (SELECT cast(current_date - g AS date) AS day FROM generate_series(1, 365) g) d
WHERE abs(hashtext(d.day::text || u.user_id)) % 10 < 3;
-- A user-day over 390 calls ran into the limit that many times (the reports only read the totals).
INSERT INTO daily_totals (day, account_id, edition, license_id, calls, refused, active_users)
SELECT day, account_id, edition, license_id, sum(calls), sum(greatest(calls - 390, 0)), count(*)
FROM daily_usage WHERE user_id IN (SELECT user_id FROM bench_users)
GROUP BY day, account_id, edition, license_id;
INSERT INTO monthly_usage (user_id, month, account_id, edition, license_id, calls, refused)
SELECT user_id, cast(date_trunc('month', day) AS date), account_id, edition, license_id, sum(calls),
       sum(greatest(calls - 390, 0))
FROM daily_usage WHERE user_id IN (SELECT user_id FROM bench_users)
GROUP BY user_id, cast(date_trunc('month', day) AS date), account_id, edition, license_id;
INSERT INTO monthly_totals (month, account_id, edition, license_id, calls, refused)
SELECT month, account_id, edition, license_id, sum(calls), sum(refused)
FROM monthly_usage WHERE user_id IN (SELECT user_id FROM bench_users)
GROUP BY month, account_id, edition, license_id;
INSERT INTO monthly_active_users (month, dimension, grp, users)
SELECT month, dimension, grp, count(*) FROM (
    SELECT m.user_id, m.month, g.dimension, g.grp FROM monthly_usage m
    CROSS JOIN LATERAL (VALUES ('account', cast(m.account_id AS text)), ('edition', m.edition), ('license', m.license_id))
        AS g (dimension, grp)
    WHERE m.user_id IN (SELECT user_id FROM bench_users)
    GROUP BY m.user_id, m.month, g.dimension, g.grp HAVING sum(m.calls) > 0) active
GROUP BY month, dimension, grp
ON CONFLICT (month, dimension, grp) DO UPDATE SET users = monthly_active_users.users + excluded.users;
INSERT INTO seats (license_id, user_id, assigned_at, assigned_by, budget_account_id)
SELECT b.license_id, b.user_id, now(), 'bench', b.account_id FROM bench_users b
WHERE b.license_id IN (SELECT id FROM licenses);
INSERT INTO seat_budgets (account_id, edition_code, seats, updated_at, updated_by)
SELECT DISTINCT account_id, edition, 25, now(), 'bench' FROM bench_users
WHERE license_id IN (SELECT id FROM licenses);
ANALYZE daily_usage; ANALYZE daily_totals; ANALYZE monthly_usage; ANALYZE monthly_totals; ANALYZE monthly_active_users; ANALYZE seats; ANALYZE seat_budgets;
SQL
say "generated in $((SECONDS - started))s: $(psql -d "$db" -tAc "select count(*) from daily_usage") user-days, \
$(psql -d "$db" -tAc "select count(*) from daily_totals") daily totals, $(psql -d "$db" -tAc "select count(*) from monthly_usage") user-months"

account="$(psql -d "$db" -tAc "select account_id from daily_totals where account_id is not null group by 1 order by sum(calls) desc limit 1")"
today="$(date -u +%F)"
year_ago="$(date -u -d '-364 days' +%F)"
month_ago="$(date -u -d '-30 days' +%F)"
declare -A reports=(
  [usage-edition-day-year]="usage?by=edition&period=day&from=$year_ago&to=$today"
  [usage-license-month-year]="usage?by=license&period=month&from=$year_ago&to=$today"
  [usage-account-month-year]="usage?by=account&period=month&from=$year_ago&to=$today"
  [usage-account-day-30d]="usage?by=account&period=day&from=$month_ago&to=$today"
  [usage-1-account-day-year]="usage?by=account&period=day&from=$year_ago&to=$today&accountId=$account"
  [top-users-year]="top-users?from=$year_ago&to=$today&limit=20"
  [top-users-1-account-year]="top-users?from=$year_ago&to=$today&accountId=$account"
  [seats-account]="seats?by=account"
  [seats-license]="seats?by=license"
)
names=(usage-edition-day-year usage-license-month-year usage-account-month-year usage-account-day-30d
       usage-1-account-day-year top-users-year top-users-1-account-year seats-account seats-license)
admin="$(token admin)"
for name in "${names[@]}"; do
  code="$(curl -s -o "$work/$name.json" -w '%{http_code}' -H "Authorization: Bearer $admin" "$gateway/api/admin/reports/${reports[$name]}")"
  [ "$code" = 200 ] || { echo "$name answered $code: $(head -c 300 "$work/$name.json")" >&2; exit 1; }
done
say "measuring $rounds interleaved rounds (one call of each report per round, after 3 warm-up rounds)"
for round in $(seq 1 $((rounds + 3))); do
  for name in "${names[@]}"; do
    ms="$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $admin" "$gateway/api/admin/reports/${reports[$name]}")"
    [ "$round" -gt 3 ] && echo "$ms" >>"$work/$name.times"
  done
done
printf '\n%-28s %8s %10s %10s\n' report rows "p50 ms" "p95 ms"
for name in "${names[@]}"; do
  rows="$(grep -o '"group"\|"userId"' "$work/$name.json" | wc -l)"
  sort -n "$work/$name.times" | awk -v name="$name" -v rows="$rows" '{ t[NR] = $1 * 1000 } END {
    printf "%-28s %8d %10.1f %10.1f\n", name, rows, t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.999)] }'
done

#!/usr/bin/env bash
# How the section engine's list queries behave at a million records: builds a scratch database with
# sections-service's own migrations, fills it with 1,000,000 records (10 sections x 200 accounts,
# JSONB values and search text), adds the sort indexes the service creates, and times with EXPLAIN
# ANALYZE the exact query shapes ListQuery builds. Drops the database afterwards.
#
# Usage: bench/records-at-a-million.sh [records, default 1000000]   (PostgreSQL as for the tests)
set -euo pipefail
count="${1:-1000000}"
source "$(dirname "${BASH_SOURCE[0]}")/scratch-database.sh"
echo "filling $count records..."
started=$SECONDS
psql -d "$db" -q -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE sections_used AS
  SELECT code, row_number() OVER (ORDER BY code) - 1 AS n FROM section_definitions
  WHERE code IN ('cases','orders','leads','opportunities','documents','contracts','contacts','accounts',
                 'marketing-activities','financial-product-requests');
CREATE TEMP TABLE accounts_used AS
  SELECT gen_random_uuid() AS id, g - 1 AS n FROM generate_series(1, 200) g;
-- 20 portal users per account own its records; cases go through their lifecycle's states.
INSERT INTO records (id, section_code, account_id, owner_user_id, created_by, status, data, search_text, created_at, updated_at)
SELECT gen_random_uuid(), s.code, a.id, md5(a.id::text || (g % 20))::uuid, 'bench',
       CASE WHEN s.code = 'cases' THEN (ARRAY['new','in-progress','waiting-for-customer','resolved','closed'])[1 + g % 5] END,
       jsonb_build_object('number', 'PO-' || g, 'subject', 'Subject ' || g, 'amount', round((random() * 100000)::numeric, 2),
                          'currency', (ARRAY['EUR','USD','GBP','CHF'])[1 + g % 4], 'priority', (ARRAY['low','medium','high'])[1 + g % 3]),
       'Subject ' || g || CASE WHEN g % 1000 = 0 THEN ' invoice overdue' ELSE ' routine' END,
       now() - (g || ' seconds')::interval, now()
FROM generate_series(1, $count) g
JOIN sections_used s ON s.n = g % 10
JOIN accounts_used a ON a.n = (g / 10) % 200;
CREATE INDEX IF NOT EXISTS bench_sort_orders_amount ON records (account_id,
  (coalesce(cast(data ->> 'amount' as numeric), '-Infinity')), id) WHERE section_code = 'orders';
ANALYZE records;
SQL
echo "filled in $((SECONDS - started))s; $(psql -d "$db" -tAc "select pg_size_pretty(pg_total_relation_size('records'))") with indexes"

account="$(psql -d "$db" -tAc "select account_id from records where section_code = 'orders' group by account_id order by count(*) desc limit 1")"
orders="$(psql -d "$db" -tAc "select count(*) from records where section_code = 'orders' and account_id = '$account'")"
skip=$((orders / 2 < 400 ? orders / 2 : 400))
deep="$(psql -d "$db" -tAc "select created_at || '|' || id from records where section_code = 'orders' and account_id = '$account' order by created_at desc, id desc offset $skip limit 1")"
deep_at="${deep%%|*}"
deep_id="${deep##*|}"

time_query() {
  local label=$1 sql=$2
  local ms
  ms="$(psql -d "$db" -tAc "EXPLAIN (ANALYZE, FORMAT JSON) $sql" | sed -n 's/.*"Execution Time": \([0-9.]*\).*/\1/p' | head -1)"
  printf '%-58s %8s ms\n' "$label" "$ms"
}

echo
echo "one account's orders ($orders of them), page of 21:"
time_query "newest first, first page" \
  "select r.* from records r where r.section_code = 'orders' and r.account_id = '$account' order by r.created_at desc, r.id desc limit 21"
time_query "newest first, keyset page after $skip records" \
  "select r.* from records r where r.section_code = 'orders' and r.account_id = '$account' and (r.created_at, r.id) < (cast('$deep_at' as timestamptz), '$deep_id') order by r.created_at desc, r.id desc limit 21"
time_query "sorted by amount" \
  "select r.* from records r where r.section_code = 'orders' and r.account_id = '$account' order by coalesce(cast(r.data ->> 'amount' as numeric), '-Infinity') asc, r.id asc limit 21"
time_query "filtered currency = USD" \
  "select r.* from records r where r.section_code = 'orders' and r.account_id = '$account' and r.data @> cast('{\"currency\":\"USD\"}' as jsonb) order by r.created_at desc, r.id desc limit 21"
time_query "full-text 'invoice' (one account)" \
  "select r.* from records r where r.section_code = 'orders' and r.account_id = '$account' and r.search @@ websearch_to_tsquery('simple', 'invoice') order by r.created_at desc, r.id desc limit 21"
owner="$(psql -d "$db" -tAc "select owner_user_id from records where section_code = 'cases' and account_id = '$account' limit 1")"
time_query "main page: my open cases (owner or contact, open states)" \
  "select r.* from records r where r.section_code = 'cases' and r.account_id = '$account' and (r.owner_user_id = '$owner' or r.contact_user_id = '$owner') and r.status in ('new','in-progress','waiting-for-customer') order by r.updated_at desc, r.id desc limit 5"
time_query "main page: count of my open cases" \
  "select count(*) from records r where r.section_code = 'cases' and r.account_id = '$account' and (r.owner_user_id = '$owner' or r.contact_user_id = '$owner') and r.status in ('new','in-progress','waiting-for-customer')"
time_query "staff: every account's orders, first page" \
  "select r.* from records r where r.section_code = 'orders' order by r.created_at desc, r.id desc limit 21"
time_query "staff: full-text 'invoice' across accounts" \
  "select r.* from records r where r.section_code = 'orders' and r.search @@ websearch_to_tsquery('simple', 'invoice') order by r.created_at desc, r.id desc limit 21"

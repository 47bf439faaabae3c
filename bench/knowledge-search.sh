#!/usr/bin/env bash
# Knowledge base search at 100,000 articles: builds a scratch database with sections-service's own
# migrations, fills it with articles, and times the search query the service runs (its very text,
# sections-service/src/main/resources/knowledge/search.sql: ranked, with snippets) with EXPLAIN
# ANALYZE. Drops the database afterwards.
#
# Usage: bench/knowledge-search.sh [articles, default 100000]   (PostgreSQL as for the tests)
set -euo pipefail
count="${1:-100000}"
source "$(dirname "${BASH_SOURCE[0]}")/scratch-database.sh"
echo "writing $count articles..."
started=$SECONDS
psql -d "$db" -q -v ON_ERROR_STOP=1 <<SQL
INSERT INTO knowledge_articles (id, title, body, tags, published, created_by, created_at, updated_at, views)
SELECT gen_random_uuid(),
       (ARRAY['Resetting','Configuring','Troubleshooting','Installing','Updating'])[1 + g % 5] || ' '
         || (ARRAY['the router','your printer','the mobile app','invoices','user accounts','the VPN'])[1 + g % 6] || ' #' || g,
       repeat('Step ' || g || ': open the settings, choose the device, confirm the change and wait for the light. ', 8)
         || CASE WHEN g % 500 = 0 THEN 'Firmware rollback is needed when the update stalls.' ELSE '' END,
       ARRAY['help', 'topic-' || (g % 50)], g % 10 <> 7, 'bench', now(), now(), g % 1000
FROM generate_series(1, $count) g;
ANALYZE knowledge_articles;
SQL
echo "written in $((SECONDS - started))s"
for q in "printer" "firmware rollback" "router reset" "vpn"; do
  # The service's own query text, its parameters filled in as a portal user's search sends them.
  query="$(grep -v '^--' "$root/sections-service/src/main/resources/knowledge/search.sql" \
    | sed -e "s/:language\b/'english'/g" -e "s/:q\b/'$q'/g" -e 's/:publishedOnly\b/true/g' -e 's/:limit\b/20/g')"
  ms="$(psql -d "$db" -tAc "EXPLAIN (ANALYZE, FORMAT JSON) $query" | sed -n 's/.*"Execution Time": \([0-9.]*\).*/\1/p' | head -1)"
  hits="$(psql -d "$db" -tAc "select count(*) from knowledge_articles a where a.search @@ websearch_to_tsquery('english', '$q') and a.published")"
  printf 'search %-20s %8s matching, first 20 ranked with snippets in %8s ms\n' "'$q'" "$hits" "$ms"
done

# Sourced by the bench scripts: a scratch PostgreSQL database (as the tests find theirs) with
# sections-service's own migrations applied, dropped when the script exits. Sets $db.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PGHOST="${PORTAL_TEST_PG_HOST:-localhost}" PGPORT="${PORTAL_TEST_PG_PORT:-5432}"
export PGUSER="${PORTAL_TEST_PG_USER:-portal}" PGPASSWORD="${PORTAL_TEST_PG_PASSWORD:-portal}"
db="bench_$$"
trap 'psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
psql -d postgres -qc "CREATE DATABASE $db" >/dev/null
for migration in "$root"/sections-service/src/main/resources/db/migration/V*.sql; do
  psql -d "$db" -q -v ON_ERROR_STOP=1 -f "$migration" >/dev/null
done

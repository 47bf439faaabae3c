#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on localhost, and that the role the services and tests use
# exists. Uses servers that already answer; otherwise, on Debian/Ubuntu as root, installs them from
# the distribution's packages and starts them; otherwise says what to install.
#
# Usage: deploy/local/infra.sh            (what it starts is recorded in $PORTAL_STATE_DIR/infra-started,
#                                           so that run.sh stop stops exactly that)
#        deploy/local/infra.sh browser    also Chromium and Node.js, for the end-to-end suite's browser
#                                           journeys (Swagger UI)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${PORTAL_STATE_DIR:-$here/.state}"
mkdir -p "$state/logs"
pg_port="${PORTAL_PG_PORT:-5432}"
redis_port="${PORTAL_REDIS_PORT:-6379}"
db_user="${PORTAL_DB_USER:-portal}"
db_password="${PORTAL_DB_PASSWORD:-portal}"

say() { printf '\033[1m[infra]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[infra] %s\033[0m\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() {
  local port=$1 what=$2
  for _ in $(seq 1 60); do port_open "$port" && return 0; sleep 0.5; done
  die "$what did not start listening on port $port"
}

apt_updated=""
apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    die "Please install $* (for example: sudo apt-get install $*) and run this again."
  fi
  if [ -z "$apt_updated" ]; then
    say "updating the package lists"
    apt-get update -qq >/dev/null
    apt_updated=1
  fi
  say "installing $* from the distribution's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  if port_open "$pg_port"; then
    say "PostgreSQL answers on port $pg_port"
  else
    command -v pg_lsclusters >/dev/null || apt_install postgresql
    if ! port_open "$pg_port"; then
      local cluster
      cluster="$(pg_lsclusters --no-header 2>/dev/null | awk -v p="$pg_port" '$3 == p { print $1 " " $2; exit }')"
      if [ -z "$cluster" ]; then
        local version
        version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
        say "creating a PostgreSQL $version cluster on port $pg_port"
        pg_createcluster --port "$pg_port" "$version" main >/dev/null
        cluster="$version main"
      fi
      say "starting PostgreSQL cluster $cluster"
      # shellcheck disable=SC2086
      pg_ctlcluster $cluster start
      echo "postgres $cluster" >>"$state/infra-started"
    fi
    wait_port "$pg_port" PostgreSQL
  fi
  command -v psql >/dev/null || apt_install postgresql-client
  if PGPASSWORD="$db_password" psql -h localhost -p "$pg_port" -U "$db_user" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    return
  fi
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    say "creating the database role $db_user"
    runuser -u postgres -- psql -p "$pg_port" -v ON_ERROR_STOP=1 -qc \
      "DO \$\$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db_user') THEN
           CREATE ROLE \"$db_user\" LOGIN CREATEDB PASSWORD '$db_password';
         ELSE
           ALTER ROLE \"$db_user\" LOGIN CREATEDB PASSWORD '$db_password';
         END IF;
       END \$\$;" >/dev/null
  else
    die "PostgreSQL needs a role $db_user (password $db_password) allowed to create databases:
  sudo -u postgres psql -c \"CREATE ROLE $db_user LOGIN CREATEDB PASSWORD '$db_password'\""
  fi
}

ensure_redis() {
  if port_open "$redis_port"; then
    say "Redis answers on port $redis_port"
    return
  fi
  command -v redis-server >/dev/null || apt_install redis-server
  if port_open "$redis_port"; then
    say "Redis answers on port $redis_port"
    return
  fi
  say "starting Redis on port $redis_port"
  # Redis only holds what may be lost (counters, events): no persistence.
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$state/redis.pid" --logfile "$state/logs/redis.log"
  echo "redis $state/redis.pid" >>"$state/infra-started"
  wait_port "$redis_port" Redis
}

# The end-to-end suite drives Debian's Chromium with playwright-core from npm (the suite installs that).
ensure_browser() {
  local missing=()
  [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    apt_install "${missing[@]}"
  fi
  say "browser for the end-to-end suite: ${CHROMIUM:-/usr/bin/chromium}, node $(node --version)"
}

ensure_postgres
ensure_redis
[ "${1:-}" = browser ] && ensure_browser
exit 0

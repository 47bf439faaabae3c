#!/usr/bin/env bash
# The local runner: starts the whole portal on this machine and leaves it usable.
#
#   deploy/local/run.sh [start] [--no-build]   PostgreSQL, Redis, Keycloak, the mail server, the four
#                                              services, demo data
#   deploy/local/run.sh stop [--drop-data]     stops exactly what start started (recorded process ids)
#   deploy/local/run.sh status                 what runs, and where
#
# Each start begins from the demo state: the services' databases and Keycloak's are made anew and
# seeded through the public API. Settings (environment): PORTAL_BASE_PORT (8080; "random" picks free
# ports), PORTAL_STATE_DIR (deploy/local/.state), PORTAL_DB_PREFIX (""), PORTAL_REDIS_NAMESPACE
# (portal:), PORTAL_KEYCLOAK_VERSION, PORTAL_GREENMAIL_VERSION, JAVA_OPTS for the services (added to
# deploy/docker/jvm.options, the options the images run with), PORTAL_SERVICES_FROM (jars; "images"
# builds the services' container images with deploy/docker/images.sh and runs those instead, as CI does
# where podman can start containers).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${PORTAL_STATE_DIR:-$here/.state}"
export PORTAL_STATE_DIR="$state"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/portal-dev"
keycloak_version="${PORTAL_KEYCLOAK_VERSION:-26.5.6}"
greenmail_version="${PORTAL_GREENMAIL_VERSION:-2.1.8}"
s3proxy_version="${PORTAL_S3PROXY_VERSION:-2.7.0}"
# Mails link to the front end; the development realm lets its SPA client redirect there.
portal_url="${PORTAL_PORTAL_URL:-http://localhost:5173}"
db_prefix="${PORTAL_DB_PREFIX:-}"
db_user="${PORTAL_DB_USER:-portal}"
db_password="${PORTAL_DB_PASSWORD:-portal}"
# The local object store's key pair: it serves only this machine's loopback.
s3_access_key=portal-local
s3_secret_key=portal-local-secret
pg_port="${PORTAL_PG_PORT:-5432}"
redis_namespace="${PORTAL_REDIS_NAMESPACE:-portal:}"
installation="local-dev"
services=(licensing-service portal-users-service sections-service gateway)
# What the services run from; further instances (gateway-instance) follow the running system.
services_from="${PORTAL_SERVICES_FROM:-$(cat "$state/services-from" 2>/dev/null || echo jars)}"

say() { printf '\033[1m[portal]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[portal] %s\033[0m\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() {
  local pidfile="$state/pids/$1.pid"
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

pick_ports() {
  local base="${PORTAL_BASE_PORT:-8080}"
  if [ "$base" = random ]; then
    for _ in $(seq 1 50); do
      # Below Linux's ephemeral range (32768 and up): a port there can be taken by any outgoing
      # connection between the check and the bind. Extra instances use base + 400 to 499.
      base=$((20000 + (RANDOM % 120) * 100))
      local free=1
      for offset in 0 1 2 3 10 11 12 13 100 101 110 111 120 130; do port_open $((base + offset)) && free=0; done
      [ $free = 1 ] && break
    done
  fi
  gateway_port=$base
  licensing_port=$((base + 1))
  users_port=$((base + 2))
  sections_port=$((base + 3))
  keycloak_port=$((base + 100))
  keycloak_management_port=$((base + 101))
  smtp_port=$((base + 110))
  mailbox_port=$((base + 111))
  s3_port=$((base + 120))
  inbox_port=$((base + 130))
}

port_of() {
  case "$1" in
    gateway) echo "$gateway_port" ;;
    licensing-service) echo "$licensing_port" ;;
    portal-users-service) echo "$users_port" ;;
    sections-service) echo "$sections_port" ;;
  esac
}

# Health and metrics: each service's management interface, ten ports above its API port.
management_port_of() {
  echo $(( $(port_of "$1") + 10 ))
}

database_of() {
  case "$1" in
    licensing-service) echo "${db_prefix}licensing" ;;
    portal-users-service) echo "${db_prefix}portal_users" ;;
    sections-service) echo "${db_prefix}sections" ;;
  esac
}

fail_with_log() {
  local name=$1 message=$2
  printf '\033[1;31m[portal] %s\033[0m\n--- last lines of %s ---\n' "$message" "$state/logs/$name.log" >&2
  tail -n 40 "$state/logs/$name.log" >&2 || true
  exit 1
}

wait_until() {
  local name=$1 url=$2 seconds=$3
  say "waiting for $name ($url)"
  for _ in $(seq 1 $((seconds * 2))); do
    curl -sf -o /dev/null "$url" && return 0
    running "$name" || fail_with_log "$name" "$name stopped while starting"
    sleep 0.5
  done
  fail_with_log "$name" "$name was not ready within ${seconds}s"
}

# wait_for_port NAME PORT SECONDS: for a server that answers every unauthenticated request with an error.
wait_for_port() {
  local name=$1 port=$2 seconds=$3
  say "waiting for $name (port $port)"
  for _ in $(seq 1 $((seconds * 2))); do
    port_open "$port" && return 0
    running "$name" || fail_with_log "$name" "$name stopped while starting"
    sleep 0.5
  done
  fail_with_log "$name" "$name did not listen within ${seconds}s"
}

launch() {
  local name=$1
  shift
  running "$name" && die "$name is running already (pid $(cat "$state/pids/$name.pid")); run: $0 stop"
  # Detached from this shell's output, so callers (Maven, CI) do not wait on it.
  nohup "$@" >"$state/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$state/pids/$name.pid"
}

ensure_tools() {
  command -v java >/dev/null || die "A JDK (17 or newer) is needed: sudo apt-get install openjdk-17-jdk-headless"
  if ! command -v curl >/dev/null; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || die "Please install curl"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
  fi
}

build() {
  say "building the services (./mvnw package, tests skipped)"
  (cd "$root" && ./mvnw -B -q -DskipTests package) || die "the build failed"
}

recreate_databases() {
  for service in licensing-service portal-users-service sections-service; do
    local db
    db="$(database_of "$service")"
    PGPASSWORD="$db_password" psql -h localhost -p "$pg_port" -U "$db_user" -d postgres -v ON_ERROR_STOP=1 -q \
      -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null \
      || die "could not create the database $db"
  done
  say "databases ${db_prefix}licensing, ${db_prefix}portal_users, ${db_prefix}sections made anew"
}

drop_databases() {
  for service in licensing-service portal-users-service sections-service; do
    PGPASSWORD="$db_password" psql -h localhost -p "$pg_port" -U "$db_user" -d postgres -q \
      -c "DROP DATABASE IF EXISTS $(database_of "$service") WITH (FORCE)" >/dev/null || true
  done
}

# Fetches an artifact from Maven Central once into the cache: fetch_once <file> <groupId:artifactId:version[:type]> <what>
fetch_once() {
  local file=$1 artifact=$2 what=$3
  [ -f "$file" ] && return 0
  say "fetching $what from Maven Central (once, into $cache)"
  mkdir -p "$cache"
  (cd "$root" && ./mvnw -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$cache" \
    -Dmdep.overWriteIfNewer=true) || die "could not fetch $what"
}

# GreenMail: an SMTP server that keeps every mail, with a REST API to read them (the local mailbox).
start_mail_server() {
  local jar="$cache/greenmail-standalone-$greenmail_version.jar"
  fetch_once "$jar" "com.icegreen:greenmail-standalone:$greenmail_version" "GreenMail $greenmail_version"
  say "starting the mail server: SMTP on port $smtp_port, mailbox API on port $mailbox_port"
  launch mail-server java -Xmx128m -XX:+UseSerialGC -Dgreenmail.smtp.hostname=127.0.0.1 \
    -Dgreenmail.smtp.port="$smtp_port" -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$mailbox_port" \
    -Dgreenmail.auth.disabled -jar "$jar"
  echo "http://localhost:$mailbox_port/api/user/{address}/messages (SMTP localhost:$smtp_port)" >"$state/pids/mail-server.url"
}

# The demo partner system's webhook receiver (demo-seed's WebhookInbox): the seed registers it for
# every event and hands it the signing secret; it logs each delivery with its signature check.
start_webhook_inbox() {
  rm -f "$state/webhook-inbox.secret"
  say "starting the demo webhook inbox on port $inbox_port"
  launch webhook-inbox java -Xmx32m -XX:+UseSerialGC -cp "$root/demo-seed/target/demo-seed.jar" org.portal.demo.WebhookInbox \
    "$inbox_port" "$state/webhook-inbox.secret"
  echo "http://127.0.0.1:$inbox_port/hooks (deliveries in $state/logs/webhook-inbox.log)" >"$state/pids/webhook-inbox.url"
  wait_for_port webhook-inbox "$inbox_port" 30
}

# s3proxy: the S3 API on a folder of the state directory, the attachments' object store.
start_object_store() {
  local jar="$cache/s3proxy-$s3proxy_version-jar-with-dependencies.jar"
  fetch_once "$jar" "org.gaul:s3proxy:$s3proxy_version:jar:jar-with-dependencies" "s3proxy $s3proxy_version"
  # Fresh with the databases: files whose rows are gone would be unreachable bytes.
  rm -rf "$state/object-store/data"
  mkdir -p "$state/object-store/data"
  cat >"$state/object-store/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$s3_access_key
s3proxy.credential=$s3_secret_key
jclouds.provider=filesystem
jclouds.filesystem.basedir=$state/object-store/data
PROPS
  say "starting the object store (s3proxy) on port $s3_port"
  launch object-store java -Xmx128m -XX:+UseSerialGC -jar "$jar" --properties "$state/object-store/s3proxy.properties"
  echo "http://localhost:$s3_port (S3 API, bucket portal-attachments, files in $state/object-store/data)" >"$state/pids/object-store.url"
}

start_keycloak() {
  local zip="$cache/keycloak-quarkus-dist-$keycloak_version.zip"
  fetch_once "$zip" "org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip" "Keycloak $keycloak_version"
  local home="$state/keycloak-$keycloak_version"
  rm -rf "$home"
  say "unpacking Keycloak into $home"
  (cd "$state" && jar xf "$zip") || die "could not unpack $zip"
  chmod +x "$home"/bin/*.sh
  mkdir -p "$home/data/import"
  cp "$root/deploy/keycloak/portal-realm-dev.json" "$home/data/import/"
  say "starting Keycloak on port $keycloak_port (dev mode, realm 'portal' imported)"
  # The realm file's placeholders: where Keycloak sends its mails, and the gateway's origin for Swagger UI.
  launch keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    PORTAL_SMTP_PORT="$smtp_port" PORTAL_GATEWAY_URL="http://localhost:$gateway_port" PORTAL_PORTAL_URL="$portal_url" \
    "$home/bin/kc.sh" start-dev --http-port="$keycloak_port" --http-management-port="$keycloak_management_port" \
    --import-realm --health-enabled=true
  echo "http://localhost:$keycloak_port (realm portal, console admin/admin)" >"$state/pids/keycloak.url"
}

vendor_key() {
  mkdir -p "$state/vendor"
  if [ ! -f "$state/vendor/private.jwk" ]; then
    say "making the development vendor key (license signing)"
    java -jar "$root/license-tool/target/license-tool.jar" keygen --key-id dev-vendor \
      --private "$state/vendor/private.jwk" --public-jwks "$state/vendor/public.jwks"
  fi
}

# start_service SERVICE [INSTANCE PORT [VAR=VALUE...]]: one service's jar with the system's settings;
# a named instance on a port of its own takes extra settings after them (another gateway, say).
start_service() {
  local name=$1 instance=${2:-$1} port management_port
  port="${3:-$(port_of "$name")}"
  management_port=$((port + 10))
  shift $(($# < 3 ? $# : 3))
  local settings=(
    QUARKUS_HTTP_PORT="$port" PORTAL_MANAGEMENT_PORT="$management_port"
    PORTAL_DB_URL="jdbc:postgresql://localhost:$pg_port/$(database_of "$name")"
    PORTAL_DB_USER="$db_user" PORTAL_DB_PASSWORD="$db_password"
    PORTAL_OIDC_URL="http://localhost:$keycloak_port/realms/portal"
    PORTAL_VENDOR_JWKS="$(cat "$state/vendor/public.jwks")"
    PORTAL_INSTALLATION_ID="$installation"
    PORTAL_LICENSING_URL="http://localhost:$licensing_port"
    PORTAL_USERS_URL="http://localhost:$users_port"
    PORTAL_SECTIONS_URL="http://localhost:$sections_port"
    PORTAL_GATEWAY_CLIENT_SECRET=gateway-dev-secret
    PORTAL_USERS_CLIENT_SECRET=portal-users-dev-secret
    PORTAL_SECTIONS_CLIENT_SECRET=sections-dev-secret
    PORTAL_KEYCLOAK_URL="http://localhost:$keycloak_port"
    PORTAL_REDIS_URL="redis://localhost:${PORTAL_REDIS_PORT:-6379}"
    PORTAL_REDIS_NAMESPACE="$redis_namespace"
    PORTAL_SMTP_HOST=localhost PORTAL_SMTP_PORT="$smtp_port" PORTAL_SMTP_STARTTLS=DISABLED
    PORTAL_S3_ENDPOINT="http://localhost:$s3_port" PORTAL_S3_ACCESS_KEY="$s3_access_key"
    PORTAL_S3_SECRET_KEY="$s3_secret_key" PORTAL_S3_CREATE_BUCKET=true
    PORTAL_WEBHOOKS_ALLOW_HTTP_LOOPBACK=true
    PORTAL_PORTAL_URL="$portal_url"
    PORTAL_SHUTDOWN_DELAY="${PORTAL_SHUTDOWN_DELAY:-1S}"
    # Locally the gateways copy their counters every 10 s (60 s in production), so reports catch up fast.
    PORTAL_USAGE_FLUSH_EVERY="${PORTAL_USAGE_FLUSH_EVERY:-10s}"
    "$@"
  )
  local image=""
  if [ "$services_from" = images ] && [ -z "${instance_jar:-}" ]; then
    image="localhost/portal/$name:${PORTAL_IMAGE_TAG:-local}"
    say "starting $instance on port $port from $image"
    # The image listens on every address (a pod's); on this machine, loopback as the jars do.
    launch "$instance" "$root/deploy/docker/images.sh" run "$instance" "$name" \
      PORTAL_HTTP_HOST=127.0.0.1 PORTAL_MANAGEMENT_HOST=127.0.0.1 "${settings[@]}"
  else
    local jar="${instance_jar:-$root/$name/target/quarkus-app/quarkus-run.jar}"
    [ -f "$jar" ] || die "$jar is missing: build first (drop --no-build)"
    say "starting $instance on port $port"
    launch "$instance" env "${settings[@]}" java @"$root/deploy/docker/jvm.options" ${JAVA_OPTS:-} -jar "$jar"
  fi
  echo "http://localhost:$port (health and metrics http://localhost:$management_port/q)${image:+ image $image}" >"$state/pids/$instance.url"
}

# Another gateway instance beside the running system (benchmarks, the two-gateway quota test):
# gateway_instance [--jar QUARKUS_RUN_JAR] NAME PORT [VAR=VALUE...]. `stop` stops it with the rest.
gateway_instance() {
  local instance_jar=""
  if [ "${1:-}" = --jar ]; then
    instance_jar=$2
    shift 2
  fi
  local name=$1 port=$2
  shift 2
  [ -f "$state/urls.properties" ] || die "the system is not running (no $state/urls.properties)"
  local gateway
  gateway="$(sed -n 's/^gateway=//p' "$state/urls.properties")"
  PORTAL_BASE_PORT="${gateway##*:}" pick_ports
  port_open "$port" && die "port $port is taken"
  start_service gateway "$name" "$port" "$@"
  wait_until "$name" "http://localhost:$((port + 10))/q/health/ready" 120
}

start() {
  local no_build=""
  [ "${1:-}" = --no-build ] && no_build=1
  mkdir -p "$state/pids" "$state/logs"
  local began=$SECONDS
  # A start that fails leaves nothing half-running behind.
  trap 'status=$?; if [ $status != 0 ]; then say "start failed: stopping what it started"; stop; fi' EXIT
  ensure_tools
  "$here/infra.sh"
  [ -n "$no_build" ] || build
  services_from="${PORTAL_SERVICES_FROM:-jars}"
  [ "$services_from" = jars ] || "$root/deploy/docker/images.sh" build
  echo "$services_from" >"$state/services-from"
  pick_ports
  for port in "$gateway_port" "$licensing_port" "$users_port" "$sections_port" $((gateway_port + 10)) $((licensing_port + 10)) \
    $((users_port + 10)) $((sections_port + 10)) "$keycloak_port" "$smtp_port" "$mailbox_port" "$s3_port" "$inbox_port"; do
    port_open "$port" && die "port $port is taken; stop what uses it or set PORTAL_BASE_PORT"
  done
  recreate_databases
  vendor_key
  start_mail_server
  wait_until mail-server "http://localhost:$mailbox_port/api/service/readiness" 60
  start_object_store
  wait_for_port object-store "$s3_port" 60
  start_keycloak
  for name in "${services[@]}"; do start_service "$name"; done
  wait_until keycloak "http://localhost:$keycloak_port/realms/portal/.well-known/openid-configuration" 180
  for name in "${services[@]}"; do
    wait_until "$name" "http://localhost:$(management_port_of "$name")/q/health/ready" 120
  done
  start_webhook_inbox
  say "seeding the demo state through the API"
  java -jar "$root/demo-seed/target/demo-seed.jar" "http://localhost:$gateway_port" \
    "http://localhost:$keycloak_port/realms/portal" "$installation" "$state/vendor/private.jwk" \
    "http://127.0.0.1:$inbox_port/hooks" "$state/webhook-inbox.secret" \
    || die "seeding the demo state failed"
  cat >"$state/urls.properties" <<PROPS
gateway=http://localhost:$gateway_port
licensing-service=http://localhost:$licensing_port
portal-users-service=http://localhost:$users_port
sections-service=http://localhost:$sections_port
realm=http://localhost:$keycloak_port/realms/portal
keycloak=http://localhost:$keycloak_port
mailbox=http://localhost:$mailbox_port
object-store=http://localhost:$s3_port
webhook-inbox=http://127.0.0.1:$inbox_port/hooks
portal=$portal_url
PROPS
  trap - EXIT
  say "ready in $((SECONDS - began))s"
  cat <<TEXT

  Gateway (the API)     http://localhost:$gateway_port/api/...
  Services              licensing :$licensing_port, portal users :$users_port, sections :$sections_port
  Keycloak              http://localhost:$keycloak_port  (realm 'portal'; console admin/admin)
  Mailbox               http://localhost:$mailbox_port/api/user/<address>/messages  (every mail sent; SMTP :$smtp_port)
  Object store          http://localhost:$s3_port  (s3proxy; attachments in $state/object-store/data)
  Webhook inbox         http://127.0.0.1:$inbox_port/hooks  (the demo partner's receiver, registered for every event;
                        each delivery and its signature check in $state/logs/webhook-inbox.log)
  OpenAPI               http://localhost:$gateway_port/q/openapi, http://localhost:$gateway_port/q/swagger-ui
  Logs                  $state/logs/

  Demo users (password 'demo-password', development realm only):
    ssp-acme          Self-service Portal, account Acme
    customer-acme     Customer Portal, account Acme
    customer-globex   Customer Portal, account Globex
    partner-globex    Partner Portal, account Globex
    admin             portal administrator
    agent             support agent

  Try it:
    TOKEN=\$(curl -s -d grant_type=password -d client_id=portal-dev -d username=customer-acme -d password=demo-password \\
      http://localhost:$keycloak_port/realms/portal/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
    curl -i -H "Authorization: Bearer \$TOKEN" http://localhost:$gateway_port/api/sections/knowledge-base/records

  Stop: $0 stop
TEXT
}

stop_pid() {
  local name=$1 pid=$2
  kill -0 "$pid" 2>/dev/null || return 0
  say "stopping $name (pid $pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

stop() {
  for pidfile in "$state"/pids/*.pid; do
    [ -f "$pidfile" ] || continue
    stop_pid "$(basename "$pidfile" .pid)" "$(cat "$pidfile")"
    rm -f "$pidfile" "${pidfile%.pid}.url"
  done
  if [ "${1:-}" = --drop-data ]; then
    drop_databases
    if command -v redis-cli >/dev/null; then
      redis-cli -p "${PORTAL_REDIS_PORT:-6379}" --scan --pattern "${redis_namespace}*" \
        | xargs -r redis-cli -p "${PORTAL_REDIS_PORT:-6379}" del >/dev/null || true
    fi
    rm -rf "$state/object-store"
    say "dropped the databases, the stored files and the Redis keys of this run"
  fi
  if [ -f "$state/infra-started" ]; then
    while read -r kind what; do
      case "$kind" in
        redis) [ -f "$what" ] && stop_pid redis "$(cat "$what")" ;;
        # shellcheck disable=SC2086
        postgres) say "stopping PostgreSQL cluster $what"; pg_ctlcluster $what stop || true ;;
      esac
    done <"$state/infra-started"
    rm -f "$state/infra-started"
  fi
}

status() {
  local any=""
  for pidfile in "$state"/pids/*.pid; do
    [ -f "$pidfile" ] || continue
    any=1
    local name pid
    name="$(basename "$pidfile" .pid)"
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
      printf '  %-22s running  pid %-8s rss %4s MiB  %s\n' "$name" "$pid" \
        "$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))" "$(cat "${pidfile%.pid}.url" 2>/dev/null)"
    else
      printf '  %-22s stopped  (pid %s gone)\n' "$name" "$pid"
    fi
  done
  [ -n "$any" ] || say "nothing started by this runner (state: $state)"
  local redis_port="${PORTAL_REDIS_PORT:-6379}"
  printf '  %-22s %-8s %s\n' postgresql "$(port_open "$pg_port" && echo answers || echo down)" "postgresql://localhost:$pg_port" \
    redis "$(port_open "$redis_port" && echo answers || echo down)" "redis://localhost:$redis_port"
  [ -f "$state/urls.properties" ] && sed 's/^/  /' "$state/urls.properties"
  return 0
}

case "${1:-start}" in
  start) shift || true; start "$@" ;;
  stop) shift; stop "$@" ;;
  status) status ;;
  gateway-instance) shift; gateway_instance "$@" ;;
  *) die "usage: $0 [start [--no-build] | stop [--drop-data] | status | gateway-instance [--jar JAR] NAME PORT [VAR=VALUE...]]" ;;
esac

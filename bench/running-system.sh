# Sourced by the bench scripts that measure HTTP calls: starts the whole system with
# deploy/local/run.sh on free ports (own databases and Redis namespace, quota in shadow mode so that
# every call runs the full pipeline and none is refused), stops and drops it when the script exits.
# Sets $root, $work, $gateway_port, $sections_port, $realm; defines say, need, token, measure, jvm_pid and peak_rss_mib.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
export PORTAL_STATE_DIR="$work/state" PORTAL_BASE_PORT=random PORTAL_DB_PREFIX=bench_ PORTAL_REDIS_NAMESPACE=bench:
export PORTAL_QUOTA_SHADOW=true

say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
need() {
  command -v "$1" >/dev/null && return
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || { echo "please install $2" >&2; exit 1; }
  say "installing $2"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need wrk wrk

stop_system() {
  # Why a gateway answered 502, before the logs go with the rest.
  grep -h "could not be forwarded" "$PORTAL_STATE_DIR"/logs/*gateway*.log 2>/dev/null | cut -c1-400 | head -10 >&2 || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  "$root/deploy/local/run.sh" stop --drop-data >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_system EXIT

say "starting the system (shadow quota, free ports)"
"$root/deploy/local/run.sh" start --no-build >"$work/start.log" 2>&1 || { tail -30 "$work/start.log"; exit 1; }
gateway="$(sed -n 's/^gateway=//p' "$PORTAL_STATE_DIR/urls.properties")"
realm="$(sed -n 's/^realm=//p' "$PORTAL_STATE_DIR/urls.properties")"
gateway_port="${gateway##*:}"
sections_port=$((gateway_port + 3))

# jvm_pid SERVICE: the process id of the service's JVM (in its container, if it runs from its image), a
# service or an instance the runner started.
jvm_pid() {
  local pid
  pid="$(cat "$PORTAL_STATE_DIR/pids/$1.pid")"
  if grep -q podman "/proc/$pid/cmdline" 2>/dev/null; then pid="$(podman inspect -f '{{.State.Pid}}' "portal-$1")"; fi
  echo "$pid"
}

# peak_rss_mib SERVICE: the peak resident memory of the service's JVM.
peak_rss_mib() {
  echo $(( $(awk '/VmHWM/ { print $2 }' "/proc/$(jvm_pid "$1")/status") / 1024 ))
}

# An access token of a demo user.
token() {
  curl -s -d grant_type=password -d client_id=portal-dev -d username="$1" -d password=demo-password \
    "$realm/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# cpu_seconds PID...: the CPU time (user and system) the processes have used so far.
cpu_seconds() {
  local pid
  for pid in "$@"; do cat /proc/"$pid"/stat 2>/dev/null; done \
    | awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); t += $12 + $13 } END { printf "%.3f", t / hz }'
}
# per_call_us BEFORE AFTER CALLS: microseconds of CPU per call between two cpu_seconds readings.
per_call_us() {
  awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.1f", (n > 0 ? 1e6 * (b - a) / n : 0) }'
}

declare -A rps p50 p99 cpu paced_rps paced_p50 paced_p99 paced_cpu
# measure NAME URL TOKEN SECONDS CONNECTIONS [PIDS]: warms up for 5 s, then fills rps, p50 and p99 [NAME],
# and with PIDS (a space-separated list: the processes that serve the target) cpu [NAME], their CPU time per
# call in microseconds.
measure() {
  local name=$1 url=$2 bearer=$3 seconds=$4 connections=$5 code out errors before
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $bearer" "$url")"
  [ "$code" = 200 ] || { echo "$name answered $code" >&2; exit 1; }
  say "warming up $name"
  wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $bearer" "$url" >/dev/null
  say "measuring $name for ${seconds}s"
  # shellcheck disable=SC2086 # a list of process ids
  before="$(cpu_seconds ${6:-})"
  out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $bearer" "$url")"
  # shellcheck disable=SC2086
  [ -z "${6:-}" ] || cpu[$name]="$(per_call_us "$before" "$(cpu_seconds $6)" "$(awk '/requests in/ { print $1 }' <<<"$out")")"
  rps[$name]="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
  p50[$name]="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99[$name]="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  say "$name: ${rps[$name]} req/s, p50 ${p50[$name]} ms, p99 ${p99[$name]} ms${cpu[$name]:+, ${cpu[$name]} us of CPU per call}"
  errors="$(awk '/Non-2xx/ { print $5 }' <<<"$out")"
  [ -z "$errors" ] || echo "  $name: $errors non-2xx answers" >&2
}

# measure_paced NAME URL BEARER SECONDS CONNECTIONS [PIDS]: like measure, but each connection pauses
# PORTAL_BENCH_THINK_MS (default 3) after each answer (bench/paced.lua), so that every target carries about
# the same load, below what saturates it: the latency a target adds, apart from its throughput. Fills
# paced_rps, paced_p50, paced_p99 and (with PIDS) paced_cpu.
measure_paced() {
  local name=$1 url=$2 bearer=$3 seconds=$4 connections=$5 out rate median tail errors before
  say "measuring $name at a paced load for ${seconds}s"
  # shellcheck disable=SC2086
  before="$(cpu_seconds ${6:-})"
  out="$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$root/bench/paced.lua" -H "Authorization: Bearer $bearer" "$url" \
    | awk '$1 == "paced"')"
  read -r _ rate median tail errors <<<"$out"
  paced_rps[$name]=$rate paced_p50[$name]=$median paced_p99[$name]=$tail
  # shellcheck disable=SC2086
  [ -z "${6:-}" ] || paced_cpu[$name]="$(per_call_us "$before" "$(cpu_seconds $6)" "$(awk -v r="$rate" -v s="$seconds" 'BEGIN { print r * s }')")"
  say "$name: ${paced_rps[$name]} req/s, p50 ${paced_p50[$name]} ms, p99 ${paced_p99[$name]} ms${paced_cpu[$name]:+, ${paced_cpu[$name]} us of CPU per call}"
  [ "$errors" = 0 ] || echo "  $name: $errors non-2xx answers" >&2
}

# nginx_proxy LISTEN_PORT UPSTREAM_PORT WORKERS: a plain nginx reverse proxy with keep-alive to the
# upstream, the reference the gateway is measured against; stop_system stops it.
nginx_proxy() {
  need nginx nginx
  cat >"$work/nginx.conf" <<NGINX
worker_processes $3;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  upstream backend { server 127.0.0.1:$2; keepalive 128; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:$1;
    keepalive_requests 1000000;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
  nginx -c "$work/nginx.conf"
}

# table NAME...: the measured targets side by side.
table() {
  printf '\n%-16s %12s %10s %10s\n' target "req/s" "p50 ms" "p99 ms"
  for name in "$@"; do
    printf '%-16s %12s %10s %10s\n' "$name" "${rps[$name]}" "${p50[$name]}" "${p99[$name]}"
  done
}

#!/usr/bin/env bash
# What the gateway's pipeline costs, measured side by side in one run on this machine: the same
# request (a portal user listing knowledge base articles) sent with wrk
#   1. directly to sections-service,
#   2. through a plain nginx reverse proxy to sections-service,
#   3. through the gateway (token check, access context, edition check, quota in Redis, proxy).
# The system is started by deploy/local/run.sh on free ports with the quota in shadow mode (every
# call counted in Redis, none refused), so the full pipeline runs for every request.
#
# Usage: bench/gateway-overhead.sh [seconds per target, default 15] [connections, default 32]
# Needs wrk and nginx (installed from the distribution's packages when run as root).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-15}"
connections="${2:-32}"
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
need nginx nginx

cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  "$root/deploy/local/run.sh" stop --drop-data >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

say "starting the system (shadow quota, free ports)"
"$root/deploy/local/run.sh" start --no-build >"$work/start.log" 2>&1 || { tail -30 "$work/start.log"; exit 1; }
gateway="$(sed -n 's/^gateway=//p' "$PORTAL_STATE_DIR/urls.properties")"
realm="$(sed -n 's/^realm=//p' "$PORTAL_STATE_DIR/urls.properties")"
gateway_port="${gateway##*:}"
sections_port=$((gateway_port + 3))
nginx_port=$((gateway_port + 50))

cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream sections { server 127.0.0.1:$sections_port; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://sections;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
NGINX
nginx -c "$work/nginx.conf"

token="$(curl -s -d grant_type=password -d client_id=portal-dev -d username=customer-acme -d password=demo-password \
  "$realm/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')"
path=/api/sections/knowledge-base/records

to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

declare -A rps p50 p99
for target in direct nginx gateway; do
  case $target in
    direct) url="http://127.0.0.1:$sections_port$path" ;;
    nginx) url="http://127.0.0.1:$nginx_port$path" ;;
    gateway) url="http://127.0.0.1:$gateway_port$path" ;;
  esac
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")"
  [ "$code" = 200 ] || { echo "$target answered $code" >&2; exit 1; }
  say "warming up $target"
  wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $token" "$url" >/dev/null
  say "measuring $target for ${duration}s"
  out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer $token" "$url")"
  rps[$target]="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
  p50[$target]="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99[$target]="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  errors="$(awk '/Non-2xx/ { print $5 }' <<<"$out")"
  [ -z "$errors" ] || echo "  $target: $errors non-2xx answers" >&2
done

printf '\n%-10s %12s %10s %10s\n' target "req/s" "p50 ms" "p99 ms"
for target in direct nginx gateway; do
  printf '%-10s %12s %10s %10s\n' "$target" "${rps[$target]}" "${p50[$target]}" "${p99[$target]}"
done
awk -v d="${rps[direct]}" -v n="${rps[nginx]}" -v g="${rps[gateway]}" \
    -v dp="${p50[direct]}" -v np="${p50[nginx]}" -v gp="${p50[gateway]}" \
    -v d9="${p99[direct]}" -v n9="${p99[nginx]}" -v g9="${p99[gateway]}" 'BEGIN {
  printf "\nthroughput  gateway/direct %.2f   gateway/nginx %.2f   nginx/direct %.2f\n", g / d, g / n, n / d
  printf "p50 latency gateway/direct %.2f   gateway/nginx %.2f   nginx/direct %.2f\n", gp / dp, gp / np, np / dp
  printf "p99 latency gateway/direct %.2f   gateway/nginx %.2f   nginx/direct %.2f\n", g9 / d9, g9 / n9, n9 / d9
}'

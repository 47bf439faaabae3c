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
duration="${1:-15}"
connections="${2:-32}"
source "$(dirname "${BASH_SOURCE[0]}")/running-system.sh"
nginx_port=$((gateway_port + 50))
nginx_proxy "$nginx_port" "$sections_port" 1

token="$(token customer-acme)"
path=/api/sections/knowledge-base/records
measure direct "http://127.0.0.1:$sections_port$path" "$token" "$duration" "$connections"
measure nginx "http://127.0.0.1:$nginx_port$path" "$token" "$duration" "$connections"
measure gateway "http://127.0.0.1:$gateway_port$path" "$token" "$duration" "$connections"

table direct nginx gateway
awk -v d="${rps[direct]}" -v n="${rps[nginx]}" -v g="${rps[gateway]}" \
    -v dp="${p50[direct]}" -v np="${p50[nginx]}" -v gp="${p50[gateway]}" \
    -v d9="${p99[direct]}" -v n9="${p99[nginx]}" -v g9="${p99[gateway]}" 'BEGIN {
  printf "\nthroughput  gateway/direct %.2f   gateway/nginx %.2f   nginx/direct %.2f\n", g / d, g / n, n / d
  printf "p50 latency gateway/direct %.2f   gateway/nginx %.2f   nginx/direct %.2f\n", gp / dp, gp / np, np / dp
  printf "p99 latency gateway/direct %.2f   gateway/nginx %.2f   nginx/direct %.2f\n", g9 / d9, g9 / n9, n9 / d9
}'

#!/usr/bin/env bash
# What the main page costs against one plain list, side by side in one run: customer-acme's
# GET /api/main-page (its edition's widgets: knowledge base search, pending approvals, open cases,
# popular articles, each with its data) and GET /api/sections/cases/records?limit=5, both sent
# with wrk directly to sections-service on the demo state the runner seeds.
#
# Usage: bench/main-page.sh [seconds per target, default 15] [connections, default 16]
# Needs wrk (installed from the distribution's packages when run as root).
duration="${1:-15}"
connections="${2:-16}"
source "$(dirname "${BASH_SOURCE[0]}")/running-system.sh"

token="$(token customer-acme)"
measure cases-list "http://127.0.0.1:$sections_port/api/sections/cases/records?limit=5" "$token" "$duration" "$connections"
measure main-page "http://127.0.0.1:$sections_port/api/main-page" "$token" "$duration" "$connections"

table cases-list main-page
awk -v l="${rps[cases-list]}" -v m="${rps[main-page]}" -v lp="${p50[cases-list]}" -v mp="${p50[main-page]}" \
    -v l9="${p99[cases-list]}" -v m9="${p99[main-page]}" 'BEGIN {
  printf "\nmain page / one list: throughput %.2f   p50 latency %.2f   p99 latency %.2f\n", m / l, mp / lp, m9 / l9
}'

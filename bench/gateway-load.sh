#!/usr/bin/env bash
# A busy stretch through the whole system: wrk with 64 connections for 5 minutes on customer-acme's
# knowledge base list through the gateway (real sections-service and PostgreSQL behind it), spanning
# several access-context refreshes (30 s) and expiries (90 s) and a change event (an administrator
# renames the user halfway: user-changed drops the cached context). The quota runs in shadow mode so
# that the day's limit does not end the run. Every answer must be a 2xx: the script prints the
# non-2xx count per minute and fails when there is any. Alongside, callers who give up: 8 connections
# that open, call for one second and close with calls in flight, over and over (a browser navigating
# away, a mobile client timing out); nobody else's call may fail because of them.
# Keycloak's access tokens live 5 minutes, so each minute runs with a fresh token.
#
# At the end it prints each service's peak resident memory (VmHWM of its JVM): the figure the
# manifests' memory request and limit are sized from. Run it with the container's limit applied to the
# JVM's sizing (the heap is a share of it, deploy/docker/jvm.options), e.g.
#   JAVA_OPTS=-XX:MaxRAM=768m bench/gateway-load.sh
#
# Usage: bench/gateway-load.sh [minutes, default 5] [connections, default 64]
minutes="${1:-5}"
connections="${2:-64}"
source "$(dirname "${BASH_SOURCE[0]}")/running-system.sh"
path=/api/sections/knowledge-base/records
admin="$(token admin)"
user_id="$(curl -sf -H "Authorization: Bearer $(token customer-acme)" "$gateway/api/me" | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4)"
say "warming up"
wrk -t2 -c"$connections" -d10s -H "Authorization: Bearer $(token customer-acme)" "$gateway$path" >/dev/null

# Callers who give up, until the script ends (running-system.sh removes $work, and with it the flag).
touch "$work/impatient"
(while [ -f "$work/impatient" ]; do
  wrk -t1 -c8 -d1s -H "Authorization: Bearer $(token customer-acme)" "$gateway$path" >/dev/null 2>&1 || true
done) &

total=0 failed=0
printf '\n%-8s %10s %10s %10s %10s\n' minute requests "non-2xx" "p50 ms" "p99 ms"
for minute in $(seq 1 "$minutes"); do
  if [ "$minute" = $(((minutes + 1) / 2)) ]; then
    # Halfway through this minute, a change event for the caller.
    (sleep 30; curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      -d "{\"displayName\":\"Renamed at minute $minute\"}" "$gateway/api/users/$user_id" \
      && echo sent >"$work/change-event") &
  fi
  out="$(wrk -t2 -c"$connections" -d60s --latency -H "Authorization: Bearer $(token customer-acme)" "$gateway$path")"
  requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
  errors="$(awk '/Non-2xx/ { print $5 }' <<<"$out")"
  socket="$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")"
  errors=$(( ${errors:-0} + ${socket:-0} ))
  total=$((total + requests))
  failed=$((failed + errors))
  printf '%-8s %10s %10s %10s %10s\n' "$minute" "$requests" "$errors" \
    "$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")" "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
done
rm -f "$work/impatient"
printf '\npeak resident memory (JVM given %s):\n' "${JAVA_OPTS:-no limit}"
for service in gateway licensing-service portal-users-service sections-service; do
  printf '  %-22s %5d MiB\n' "$service" "$(peak_rss_mib "$service")"
done
printf '\n%d requests in %d minutes at %d connections, %d not 2xx (or socket errors)\n' "$total" "$minutes" "$connections" "$failed"
[ -f "$work/change-event" ] || { echo "the change event (renaming customer-acme) could not be sent" >&2; exit 1; }
echo "user-changed was sent during minute $(((minutes + 1) / 2))"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# The gateway's own cost next to a plain nginx reverse proxy, side by side in one run. A static nginx
# "backend" serves the knowledge base list answer (captured from the real sections-service), and wrk
# sends customer-acme's call with a bearer token
#   - through a plain nginx reverse proxy (2 workers, keep-alive upstream) to that backend,
#   - through a second gateway instance whose sections-service is that backend: the full pipeline
#     (token check, cached access context, edition check, the quota script in Redis in shadow mode),
#   - and, for the whole stack, through the system's own gateway to the real sections-service and
#     PostgreSQL ("full"): what the service adds to the gateway's own cost,
#   - through bench/BareProxy.java ("floor"): a proxy of the gateway's own Vert.x and Netty, shaped as the
#     gateway forwards, with nothing else; what the platform costs above nginx, and the gateway above it.
# With PORTAL_BENCH_BASELINE=<a gateway's quarkus-run.jar> (an earlier build), that gateway is one
# more target in the same rounds: before and after, measured together. PORTAL_BENCH_BASELINE_ENV="KEY=VALUE ..."
# starts that gateway with other settings, PORTAL_BENCH_BASELINE_JAVA_OPTS with other JVM options
# added to deploy/docker/jvm.options (the same jar with another setting is a baseline too).
# A second pass measures the same targets in the same way at about the same load, below saturation
# (bench/paced.lua: each connection pauses PORTAL_BENCH_THINK_MS, default 3, after each answer): with
# every connection kept busy, latency follows throughput, and the paced figures show what each target adds
# to a call's latency by itself.
# Each JVM target first takes PORTAL_BENCH_WARMUP seconds of the same load (default 120; nginx, which has
# no JIT, 10), in windows of a minute whose throughput is printed: a gateway fresh from its start has its
# C2 compiler busy for about two minutes of load (up to a fifth of a core in 10 s windows after 30 s),
# which the per-measurement warm-up of 5 s does not cover and nginx never pays. The windows also show how
# much this machine drifts from one minute to the next (one gateway alone: 15,055, 15,034, 17,010, 19,787
# req/s; in another run 16,725, 16,417, 12,421, 12,805, and the floor beside it 16,494, 13,649, 13,908,
# 15,628). Rounds then interleave the targets, the order rotating each round (the
# first target otherwise runs on a colder JIT); the figures are the medians over the rounds.
#
# Each measurement also takes the CPU time per call of the processes that serve the target (/proc; for nginx
# its master and workers, for the whole stack the system's gateway and sections-service): on two cores that
# wrk, the backend and the target share, a target's throughput follows its CPU per call.
#
# With PORTAL_BENCH_PROFILE=<directory>, after the rounds the isolated gateway and the floor (and the
# baseline) each take one more saturated measurement under async-profiler (Maven Central's
# tools.profiler:async-profiler, attached for that measurement only: the rounds run unprofiled), sampling
# every millisecond of CPU, user and kernel; their collapsed stacks are written there as TARGET.collapsed,
# each summarized in microseconds of CPU per call (bench/profile-summary.sh), and the gateway's compared
# with the floor's frame by frame (bench/profile-diff.sh).
#
# Usage: bench/gateway-isolated.sh [rounds, default 5] [seconds per measurement, default 10] [connections, default 32]
rounds="${1:-5}"
duration="${2:-10}"
connections="${3:-32}"
source "$(dirname "${BASH_SOURCE[0]}")/running-system.sh"
need nginx nginx
static_port=$((gateway_port + 50))
proxy_port=$((gateway_port + 51))
isolated_port=$((gateway_port + 70))
baseline_port=$((gateway_port + 140))
floor_port=$((gateway_port + 71))
path=/api/sections/knowledge-base/records
token="$(token customer-acme)"

mkdir -p "$work/static"
curl -sf -H "Authorization: Bearer $token" "$gateway$path" >"$work/static/answer.json"
say "the answer: $(wc -c <"$work/static/answer.json") bytes"
# nginx's workers run as an unprivileged user when started as root: they must be able to read it.
chmod a+rx "$work" "$work/static" && chmod a+r "$work/static/answer.json"
cat >"$work/nginx-backend.conf" <<NGINX
worker_processes 1;
pid $work/nginx-backend.pid;
error_log $work/nginx-backend-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$static_port;
    keepalive_requests 1000000;
    location = $path { default_type application/json; alias $work/static/answer.json; }
  }
}
NGINX
nginx -c "$work/nginx-backend.conf"
nginx_proxy "$proxy_port" "$static_port" 2
# The floor runs with the gateway's collector and heap share, and its libraries.
grep -v '^-Djava.util.logging' "$root/deploy/docker/jvm.options" >"$work/floor.options"
java @"$work/floor.options" -cp "$root/gateway/target/quarkus-app/lib/main/*" "$root/bench/BareProxy.java" \
  "$floor_port" "$static_port" >"$work/floor.log" 2>&1 &
floor_pid=$!
trap 'kill "$(cat "$work/nginx-backend.pid")" "$floor_pid" 2>/dev/null || true; stop_system' EXIT
for _ in $(seq 1 60); do grep -q '^bare proxy on' "$work/floor.log" && break; sleep 1; done
grep -q '^bare proxy on' "$work/floor.log" || { cat "$work/floor.log" >&2; exit 1; }

targets=(nginx gateway full floor)
declare -A url=([nginx]="http://127.0.0.1:$proxy_port$path" [gateway]="http://127.0.0.1:$isolated_port$path"
  [full]="$gateway$path" [floor]="http://127.0.0.1:$floor_port$path")
"$root/deploy/local/run.sh" gateway-instance isolated-gateway "$isolated_port" \
  PORTAL_SECTIONS_URL="http://127.0.0.1:$static_port" >>"$work/start.log"
if [ -n "${PORTAL_BENCH_BASELINE:-}" ]; then
  # shellcheck disable=SC2086 # the settings are words on purpose
  JAVA_OPTS="${PORTAL_BENCH_BASELINE_JAVA_OPTS:-}" "$root/deploy/local/run.sh" gateway-instance --jar "$PORTAL_BENCH_BASELINE" baseline-gateway "$baseline_port" \
    PORTAL_SECTIONS_URL="http://127.0.0.1:$static_port" ${PORTAL_BENCH_BASELINE_ENV:-} >>"$work/start.log"
  targets+=(baseline)
  url[baseline]="http://127.0.0.1:$baseline_port$path"
fi
# The processes that serve each target, whose CPU time per call is measured: nginx's master and workers, each
# gateway's JVM, the floor's; for the whole stack the system's gateway and sections-service (not PostgreSQL,
# which the system shares).
isolated_pid="$(jvm_pid isolated-gateway)"
declare -A pids=([nginx]="$(cat "$work/nginx.pid") $(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')"
  [gateway]="$isolated_pid" [floor]="$floor_pid"
  [full]="$(jvm_pid gateway) $(jvm_pid sections-service)")
[ -z "${PORTAL_BENCH_BASELINE:-}" ] || pids[baseline]="$(jvm_pid baseline-gateway)"

warmup="${PORTAL_BENCH_WARMUP:-120}"
for target in "${targets[@]}"; do
  left=$([ "$target" = nginx ] && echo 10 || echo "$warmup") rates=""
  while [ "$left" -gt 0 ]; do
    window=$((left < 60 ? left : 60)) left=$((left - window))
    rates+="$(wrk -t2 -c"$connections" -d"${window}s" -H "Authorization: Bearer $(token customer-acme)" "${url[$target]}" \
      | awk '/Requests\/sec/ { printf " %d", $2 }')"
  done
  say "warmed $target up: req/s by minute$rates"
done
# compiler_seconds PID: CPU seconds the JVM's JIT compiler threads have used so far.
compiler_seconds() {
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v hz="$(getconf CLK_TCK)" '/\(C[12] CompilerThre/ { sub(/^.*\) /, ""); t += $12 + $13 } END { printf "%.1f", t / hz }'
}
compiled_before="$(compiler_seconds "$isolated_pid")"

# interleaved MEASURE LABEL: ROUNDS rounds, each measuring every target once with MEASURE (measure or
# measure_paced), the order rotating each round.
interleaved() {
  local round order target
  for round in $(seq 1 "$rounds"); do
    order=("${targets[@]:$(((round - 1) % ${#targets[@]}))}" "${targets[@]:0:$(((round - 1) % ${#targets[@]}))}")
    say "$2 $round of $rounds: ${order[*]}"
    for target in "${order[@]}"; do
      # Keycloak's tokens live 5 minutes: each measurement gets a fresh one.
      "$1" "$target-$round" "${url[$target]}" "$(token customer-acme)" "$duration" "$connections" "${pids[$target]}"
    done
  done
}

interleaved measure round
awk -v a="$compiled_before" -v b="$(compiler_seconds "$isolated_pid")" -v s="$((rounds * ${#targets[@]} * (duration + 5)))" 'BEGIN {
  printf "JIT compilers of the isolated gateway: %.1f s of CPU in the rounds (about %d s)\n", b - a, s }' >&2
# The same targets at about the same load, below saturation (each connection pausing after each answer):
# with every connection kept busy, latency follows throughput (32 / req/s is the mean), so the rounds above
# cannot tell a slower target from one that adds latency.
interleaved measure_paced "paced round"

# Any answer that was not a 2xx, by gateway and status, from each gateway's own request metrics.
for port in "$gateway_port" "$isolated_port" ${PORTAL_BENCH_BASELINE:+"$baseline_port"}; do
  curl -s "http://127.0.0.1:$((port + 10))/q/metrics" | grep '^http_server_requests_seconds_count' \
    | grep -v 'status="2' | grep -v 'uri="/q/' | sed "s/^/  gateway on $port: /" >&2 || true
done

median() { # median NAME ARRAY: the median of ARRAY[NAME-1..rounds]
  local -n values=$2
  for round in $(seq 1 "$rounds"); do echo "${values[$1-$round]}"; done | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
declare -A mr m99 mc
# medians PREFIX: prints each target's medians of PREFIXrps, PREFIXp50, PREFIXp99 and PREFIXcpu, and keeps
# those of req/s, p99 and CPU per call in mr, m99 and mc.
medians() {
  local target
  for target in "${targets[@]}"; do
    mr[$target]="$(median "$target" "${1}rps")"
    m99[$target]="$(median "$target" "${1}p99")"
    mc[$target]="$(median "$target" "${1}cpu")"
    printf '%-10s %12s %10s %10s %12s\n' "$target" "${mr[$target]}" "$(median "$target" "${1}p50")" "${m99[$target]}" "${mc[$target]}"
  done
}
# compared WITH_THROUGHPUT: each target (after the first three) against nginx, and the gateway against the
# floor, from the medians in mr, m99 and mc; the throughput ratios only when the targets ran saturated
# (paced, they all carry about the same load).
compared() {
  local target
  for target in gateway "${targets[@]:3}"; do
    versus "$target" nginx "$1"
  done
  # What the gateway's pipeline costs above the platform it runs on.
  versus gateway floor "$1"
}
# versus A B WITH_THROUGHPUT: A's figures against B's.
versus() {
  awk -v a="$1" -v b="$2" -v ar="${mr[$1]}" -v br="${mr[$2]}" -v a9="${m99[$1]}" -v b9="${m99[$2]}" -v ac="${mc[$1]}" \
    -v bc="${mc[$2]}" -v all="$3" 'BEGIN {
    if (all) printf "%s/%s throughput %.2f   ", a, b, ar / br
    printf "p99 %s - %s p99 = %+.2f ms   CPU per call %s/%s %.2f\n", a, b, a9 - b9, a, b, ac / bc }'
}
printf '\n%-10s %12s %10s %10s %12s   (medians of %d rounds, %ss each, %d connections)\n' target "req/s" "p50 ms" "p99 ms" \
  "CPU us/call" "$rounds" "$duration" "$connections"
medians ""
awk -v f="${mr[full]}" -v g="${mr[gateway]}" 'BEGIN { printf "full stack/gateway alone throughput %.2f\n", f / g }'
compared 1

printf '\n%-10s %12s %10s %10s %12s   (paced: each connection pauses %s ms after each answer)\n' target "req/s" "p50 ms" \
  "p99 ms" "CPU us/call" "${PORTAL_BENCH_THINK_MS:-3}"
medians paced_
compared ""

if [ -n "${PORTAL_BENCH_PROFILE:-}" ]; then
  # Absolute: the JVMs write the files from their own working directories.
  profiles="$(realpath -m "$PORTAL_BENCH_PROFILE")"
  mkdir -p "$profiles"
  "$root/mvnw" -q -B dependency:copy -Dartifact=tools.profiler:async-profiler:4.2 -DoutputDirectory="$work" >/dev/null
  unzip -p "$work/async-profiler-4.2.jar" linux-x64/libasyncProfiler.so >"$work/libasyncProfiler.so"
  profiled=(gateway floor ${PORTAL_BENCH_BASELINE:+baseline})
  declare -A calls
  for target in "${profiled[@]}"; do
    say "profiling $target for ${duration}s"
    # CPU time in the kernel too (perf_events' CPU clock: the sockets' work is much of a proxy's). The
    # agent's options quoted: jcmd would take them apart.
    jcmd "${pids[$target]}" JVMTI.agent_load "$work/libasyncProfiler.so" '"start,event=cpu,interval=1ms"' >/dev/null
    out="$(wrk -t2 -c"$connections" -d"${duration}s" -H "Authorization: Bearer $(token customer-acme)" "${url[$target]}")"
    jcmd "${pids[$target]}" JVMTI.agent_load "$work/libasyncProfiler.so" \
      "\"stop,collapsed,file=$profiles/$target.collapsed\"" >/dev/null
    calls[$target]="$(awk '/requests in/ { print $1 }' <<<"$out")"
    printf '\n%s: %s calls profiled\n' "$target" "${calls[$target]}"
    "$root/bench/profile-summary.sh" "$profiles/$target.collapsed" "${calls[$target]}"
  done
  printf '\ngateway (A) against floor (B):\n'
  "$root/bench/profile-diff.sh" "$profiles/gateway.collapsed" "${calls[gateway]}" \
    "$profiles/floor.collapsed" "${calls[floor]}"
fi

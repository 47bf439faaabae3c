#!/usr/bin/env bash
# A three-node Redis Cluster on loopback from the distribution's redis-server (installed by infra.sh),
# for the gateway's Redis Cluster mode (PORTAL_REDIS_CLIENT_TYPE=cluster). Three masters, no replicas:
# enough to spread the counters over three shards.
#
# Usage: deploy/local/redis-cluster.sh start [FIRST_PORT]   prints PORTAL_REDIS_URL's value
#        deploy/local/redis-cluster.sh stop
# Without FIRST_PORT it picks three free ports between 5000 and 7999: each node also listens on its
# port + 10000 for the cluster bus, and both must stay below 32768, where Linux hands out the local
# ports of outgoing connections (a bus port there can be taken by any client socket). Both also stay
# clear of the running system's ports (run.sh: 8080 and up, or a random base from 20000, with further
# gateway instances at base + 400 to 499), which are taken only after the cluster started (a bus
# port at 22800 once kept an end-to-end run's gateway instance from starting).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${PORTAL_STATE_DIR:-$here/.state}/redis-cluster"

say() { printf '\033[1m[redis-cluster]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[redis-cluster] %s\033[0m\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_nodes FIRST: three nodes on FIRST..FIRST+2; fails (leaving none running) if one does not answer.
start_nodes() {
  local first=$1
  for port in $first $((first + 1)) $((first + 2)); do
    if port_open "$port" || port_open $((port + 10000)); then
      return 1
    fi
  done
  for port in $first $((first + 1)) $((first + 2)); do
    mkdir -p "$state/$port"
    redis-server --port "$port" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "$state/$port/nodes.conf" \
      --dir "$state/$port" --save "" --appendonly no --daemonize yes --pidfile "$state/$port/redis.pid" \
      --logfile "$state/$port/redis.log" >/dev/null || true
  done
  for port in $first $((first + 1)) $((first + 2)); do
    for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
      say "node $port did not start: $(tail -n 1 "$state/$port/redis.log" 2>/dev/null)"
      stop
      mkdir -p "$state"
      return 1
    fi
  done
}

start() {
  local first=${1:-} urls=() nodes=()
  command -v redis-server >/dev/null || "$here/infra.sh" >&2
  mkdir -p "$state"
  if [ -n "$first" ]; then
    start_nodes "$first" || die "ports $first-$((first + 2)) (or their bus ports) are taken"
  else
    for _ in $(seq 1 10); do
      first=$((5000 + (RANDOM % 300) * 10))
      start_nodes "$first" && break
      first=""
    done
    [ -n "$first" ] || die "found no three free ports for the cluster"
  fi
  for port in $first $((first + 1)) $((first + 2)); do
    nodes+=("127.0.0.1:$port")
    urls+=("redis://127.0.0.1:$port")
  done
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$state/create.log" 2>&1 \
    || { cat "$state/create.log" >&2; die "could not create the cluster"; }
  for _ in $(seq 1 100); do
    redis-cli -p "$first" cluster info | grep -q 'cluster_state:ok' && break
    sleep 0.1
  done
  say "three masters on ports $first-$((first + 2))"
  (IFS=,; echo "${urls[*]}")
}

stop() {
  for pidfile in "$state"/*/redis.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  sleep 0.5
  rm -rf "$state"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) die "usage: $0 start [FIRST_PORT] | stop" ;;
esac

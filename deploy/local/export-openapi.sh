#!/usr/bin/env bash
# Writes the gateway's OpenAPI document for the whole API to e2e-tests/src/test/openapi/portal-api.json,
# the snapshot the end-to-end suite generates its client from (and checks against the served document).
# Starts the system on free ports for it, and stops it afterwards. Run after changing any public API.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PORTAL_STATE_DIR="$(mktemp -d)" PORTAL_BASE_PORT=random PORTAL_DB_PREFIX=export_ PORTAL_REDIS_NAMESPACE=export:
trap '"$root/deploy/local/run.sh" stop --drop-data >/dev/null; rm -rf "$PORTAL_STATE_DIR"' EXIT
"$root/deploy/local/run.sh" start --no-build >"$PORTAL_STATE_DIR/start.log" 2>&1 || { tail -30 "$PORTAL_STATE_DIR/start.log"; exit 1; }
gateway="$(sed -n 's/^gateway=//p' "$PORTAL_STATE_DIR/urls.properties")"
# The provider's address in the snapshot is the local runner's default one, whatever port this run used.
curl -sf "$gateway/q/openapi" | sed -E 's#http://localhost:[0-9]+/realms/portal#http://localhost:8180/realms/portal#' \
  >"$root/e2e-tests/src/test/openapi/portal-api.json"
echo "wrote e2e-tests/src/test/openapi/portal-api.json"

#!/usr/bin/env bash
# Runs every test: the modules' tests against real PostgreSQL and Redis (each run in databases of its
# own), then the end-to-end suite, which starts the whole system with run.sh (real Keycloak) on free
# ports and stops it afterwards; its browser journeys need Chromium and Node.js, which infra.sh installs
# as root. Extra arguments go to Maven (for example -pl gateway -am).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/deploy/local/infra.sh" browser
cd "$root"
exec ./mvnw -B verify "$@"

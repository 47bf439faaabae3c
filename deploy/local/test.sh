#!/usr/bin/env bash
# Runs every test: the modules' tests against real PostgreSQL and Redis (each run in databases of its
# own), then the end-to-end suite, which starts the whole system with run.sh (real Keycloak) on free
# ports and stops it afterwards; its browser journeys need Chromium and Node.js, which infra.sh installs
# as root. Where podman can start containers (deploy/docker/images.sh installs it as root on Debian),
# the end-to-end suite runs the services from their container images, read-only as in a pod; elsewhere
# from the jars, with the images' JVM options. First, deploy/k8s/check.sh validates the manifests. Extra arguments go to Maven (for example -pl gateway -am).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/deploy/local/infra.sh" browser
# The Kubernetes manifests: rendered and validated offline before anything is built.
"$root/deploy/k8s/check.sh"
if [ -z "${PORTAL_SERVICES_FROM:-}" ]; then
  if "$root/deploy/docker/images.sh" engine; then
    export PORTAL_SERVICES_FROM=images
  else
    echo "[test] no container engine here: the end-to-end suite runs the services' jars with the images' command line"
  fi
fi
cd "$root"
exec ./mvnw -B verify "$@"

#!/usr/bin/env bash
# Renders the base and every overlay with kustomize (kubectl's own) and validates each object offline:
# its schema (Kubernetes' kinds and the operators' CRDs) and the installation rules (probes, limits,
# security, drain, migrations, policies, monitoring, TLS route, backing services), per object; see
# validate/validate.mjs and validate/rules.mjs. No cluster needed; Node.js and npm install the validator.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v kubectl >/dev/null; then
  # Google's apt repository carries kubectl (with kustomize built in) where it is configured.
  if [ "$(id -u)" = 0 ] && grep -rqs packages.cloud.google.com /etc/apt/sources.list /etc/apt/sources.list.d; then
    apt-get install -y -qq kubectl >/dev/null
  else
    echo "check.sh: kubectl is needed (https://kubernetes.io/docs/tasks/tools/)" >&2
    exit 2
  fi
fi
command -v npm >/dev/null || { echo "check.sh: Node.js and npm are needed" >&2; exit 2; }
[ -d "$here/validate/node_modules" ] && [ "$here/validate/node_modules/.package-lock.json" -nt "$here/validate/package-lock.json" ] ||
  npm ci --prefix "$here/validate" --no-audit --no-fund --loglevel=error 2>&1 | grep -v EBADENGINE || true
# The validator must refuse what it exists to refuse: a misspelt field of a Kubernetes kind or of a
# CRD, and a broken rule.
refuses() {
  local what=$1 overlay=$2 edit=$3 expected=$4 out
  out="$(kubectl kustomize "$here/$overlay" | sed "$edit" | node "$here/validate/validate.mjs" "$overlay" 2>&1 || true)"
  if ! grep -q -- "$expected" <<<"$out"; then
    echo "check.sh: the validator accepted $what" >&2
    exit 1
  fi
}
refuses "a misspelt readinessProbe" base '0,/readinessProbe:/s//readinesProbe:/' 'readinesProbe: no such field in V1Container'
refuses "a misspelt field in a Keycloak resource" overlays/production-operators 's/^  instances: 2$/  instancez: 2/' \
  'must NOT have additional properties: instancez'
refuses "a wrong type in a CloudNativePG Cluster" overlays/production-operators 's/^  instances: 3$/  instances: three/' \
  'instances must be integer'
refuses "a realm without TLS required" overlays/production-operators 's/sslRequired: all/sslRequired: external/' 'sslRequired: all'
refuses "a writable root file system" overlays/production '0,/readOnlyRootFilesystem: true/s//readOnlyRootFilesystem: false/' \
  'root file system must be read-only'

status=0
for overlay in "$here"/base "$here"/overlays/*/; do
  name="$(basename "$overlay")"
  kubectl kustomize "$overlay" | node "$here/validate/validate.mjs" "$name" || status=1
done
exit $status

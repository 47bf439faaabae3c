#!/usr/bin/env bash
# Renders every overlay with kustomize (kubectl's own or the standalone binary) and checks that each
# Deployment has its probes, resources and a non-root security context. No cluster needed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if command -v kubectl >/dev/null; then render=(kubectl kustomize); elif command -v kustomize >/dev/null; then render=(kustomize build);
else echo "check.sh: neither kubectl nor kustomize is installed" >&2; exit 2; fi
for overlay in "$here"/base "$here"/overlays/*/; do
  out="$("${render[@]}" "$overlay")"
  deployments="$(grep -c '^kind: Deployment' <<<"$out")"
  for must in readinessProbe livenessProbe startupProbe 'runAsNonRoot: true' 'readOnlyRootFilesystem: true' 'memory: 512Mi'; do
    found="$(grep -c -- "$must" <<<"$out" || true)"
    if (( found < deployments )); then
      echo "check.sh: $(basename "$overlay"): $found of $deployments deployments have '$must'" >&2
      exit 1
    fi
  done
  echo "$(basename "$overlay"): $(grep -c '^kind:' <<<"$out") objects, $deployments deployments, all with probes, limits and a non-root read-only container"
done

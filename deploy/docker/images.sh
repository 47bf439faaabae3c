#!/usr/bin/env bash
# The services' container images, built and run with Debian's podman (no Docker engine needed).
#
#   deploy/docker/images.sh engine             installs podman (as root on Debian) and says whether a
#                                              container starts here; exit 0 only if one does
#   deploy/docker/images.sh build [TAG]        the base image (see below) and one image per service from
#                                              <module>/target/quarkus-app (./mvnw package first);
#                                              tagged localhost/portal/<service>:TAG (default: local)
#   deploy/docker/images.sh run INSTANCE SERVICE [VAR=VALUE...]
#                                              runs SERVICE's image in the foreground on the host's
#                                              network, read-only, as the image's user, with those
#                                              settings; SIGTERM reaches the service (podman passes it on)
#
# The base image is Red Hat's OpenJDK 17 runtime where its registry answers; where it does not (this
# project's CI), an image made here from Debian's packages (debootstrap, openjdk-17-jre-headless), kept
# in podman's store as localhost/portal/jre-base:17 once made. Either way the same Dockerfile, the same
# entrypoint and JVM options (deploy/docker/Dockerfile.jvm, jvm.options).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
services=(licensing-service portal-users-service sections-service gateway)
ubi=registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21
debian_base=localhost/portal/jre-base:17

say() { printf '\033[1m[images]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[images] %s\033[0m\n' "$*" >&2; exit 1; }

# runc, not crun: crun refuses the hybrid cgroups of this project's CI machines. The limits are set explicitly and
# below what the runtime inherits: podman's defaults (over a million open files) are not ours to raise.
files="$(ulimit -Hn)"
{ [ "$files" = unlimited ] || [ "$files" -gt 65536 ]; } && files=65536
runtime=(--runtime runc --ulimit "nofile=$files:$files" --ulimit nproc=4096:4096)

engine() {
  if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v debootstrap >/dev/null; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || die "podman, runc and debootstrap are needed (apt-get install podman runc debootstrap)"
    say "installing podman, runc and debootstrap from the distribution's packages"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap >/dev/null
  fi
  base
  podman run "${runtime[@]}" --rm "$(base_name)" java -version >/dev/null 2>&1 || die "podman cannot start a container on this machine"
  say "podman starts containers here (base image $(base_name))"
}

base_name() {
  if podman image exists "$ubi" || curl -s -m 5 -o /dev/null "https://${ubi%%/*}/v2/"; then echo "$ubi"; else echo "$debian_base"; fi
}

base() {
  local name
  name="$(base_name)"
  if [ "$name" = "$ubi" ] || podman image exists "$debian_base"; then return; fi
  say "making $debian_base from Debian's packages (no container registry answers)"
  local rootfs
  rootfs="$(mktemp -d)"
  # shellcheck disable=SC2064
  trap "rm -rf '$rootfs'" RETURN
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$rootfs" \
    http://deb.debian.org/debian >"$rootfs.log" 2>&1 || { tail -20 "$rootfs.log" >&2; die "debootstrap failed"; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc "$rootfs"/usr/share/man
  tar -C "$rootfs" -c . | podman import -q --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' - "$debian_base" >/dev/null
  rm -f "$rootfs.log"
}

build() {
  local tag="${1:-local}" base_image
  base
  base_image="$(base_name)"
  for service in "${services[@]}"; do
    [ -f "$root/$service/target/quarkus-app/quarkus-run.jar" ] || die "$service is not packaged: ./mvnw package -DskipTests first"
    podman build -q --build-arg "BASE=$base_image" --build-arg "MODULE=$service" -f "$here/Dockerfile.jvm" \
      -t "localhost/portal/$service:$tag" "$root" >/dev/null
  done
  say "built ${services[*]} as localhost/portal/<service>:$tag on $base_image"
}

run() {
  local instance=$1 service=$2
  shift 2
  local settings=()
  for setting in "$@"; do settings+=(--env "$setting"); done
  # The manifests' container: read-only root, a writable /tmp, the image's own user and entrypoint.
  exec podman run "${runtime[@]}" --rm --replace --name "portal-$instance" --network host --read-only --tmpfs /tmp \
    "${settings[@]}" "localhost/portal/$service:${PORTAL_IMAGE_TAG:-local}"
}

case "${1:-}" in
  engine) engine ;;
  build) shift; build "$@" ;;
  run) shift; run "$@" ;;
  *) die "usage: $0 engine | build [TAG] | run INSTANCE SERVICE [VAR=VALUE...]" ;;
esac

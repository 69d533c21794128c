#!/usr/bin/env bash
# Builds the four service images from infra/docker/Dockerfile with podman, on a machine that has no Docker engine and
# no Docker Hub (as CI's): the base images are made locally from Debian's packages with debootstrap (OpenJDK 17 JDK
# for the build stage; OpenJDK 17 JRE and nginx for the services and the gateway) and passed to the Dockerfile as
# BUILD_IMAGE and RUNTIME_IMAGE. On a Docker host, `docker compose build` builds the same file on Eclipse Temurin.
#
#   infra/docker/build-images.sh [TAG]      images localhost/cti-<service>:TAG (default: local)
#
# Needs root, podman, runc and debootstrap (Debian: apt-get install podman runc debootstrap).
set -euo pipefail
cd "$(dirname "$0")/../.."
TAG=${1:-local}
export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/infra/docker/podman/containers.conf}
CACHE=${CTI_DEB_CACHE:-/var/cache/cti-debs}
SERVICES=(ingest-service processor-service query-service admin-service)

# A base image from Debian bookworm's packages, made once and then reused.
base_image() {
  local name=$1 packages=$2
  if podman image exists "$name"; then
    return
  fi
  echo "Making the base image $name (debootstrap: $packages)..." >&2
  local root
  root=$(mktemp -d /var/tmp/cti-rootfs.XXXXXX)
  mkdir -p "$CACHE"
  debootstrap --variant=minbase --cache-dir="$CACHE" --include="$packages" bookworm "$root" >"$root.log" 2>&1 \
    || { tail -20 "$root.log" >&2; exit 1; }
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
    "$root"/usr/share/locale/*
  tar -C "$root" -c . | podman import --quiet --change 'CMD ["/bin/bash"]' - "$name" >/dev/null
  rm -rf "$root" "$root.log"
}

base_image localhost/cti-base-jdk:bookworm openjdk-17-jdk-headless,ca-certificates
base_image localhost/cti-base-jre:bookworm openjdk-17-jre-headless,ca-certificates,nginx-light

for service in "${SERVICES[@]}"; do
  echo "Building localhost/cti-$service:$TAG..." >&2
  # --volume: the build stage's Maven takes the dependencies this machine already has
  podman build --quiet --network host --volume "$HOME/.m2:/root/.m2" \
    --build-arg BUILD_IMAGE=localhost/cti-base-jdk:bookworm --build-arg RUNTIME_IMAGE=localhost/cti-base-jre:bookworm \
    --build-arg SERVICE="$service" -f infra/docker/Dockerfile -t "localhost/cti-$service:$TAG" . >/dev/null
done
podman images --filter "reference=localhost/cti-*:$TAG" --format '{{.Repository}}:{{.Tag}} {{.Size}}'

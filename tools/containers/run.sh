#!/usr/bin/env bash
# The distributed system in containers, on a machine with no Docker engine and no image registry: Podman runs the
# project's own Dockerfiles and docker-compose.yml. As root on Debian 12:
#
#   tools/containers/run.sh            images, then the stack with --scale worker=3, the smoke test, then down
#   tools/containers/run.sh images     only the stand-in base images and the four service images
#   tools/containers/run.sh up         images, then the stack, left running (http://localhost:8080)
#   tools/containers/run.sh down       stop and remove the stack, its volumes, and the Podman API service
#
# What it does, each step skipped when already done:
#   1. apt: podman, debootstrap, docker-compose.
#   2. Stand-in base images, tagged with the names the Dockerfiles and docker-compose.yml use (no registry is
#      reachable here): a Debian base from debootstrap, the .NET SDK and ASP.NET runtime from this machine's .NET
#      folder, RabbitMQ with management and nginx from Debian's packages, and for mongo:7 the MongoDB wire-protocol
#      emulator of ../shared/mongo-emulator on a Java runtime. Each is rebuilt only when its folder under
#      tools/containers/stand-ins (or the .NET install it copies) changes.
#   3. The four service images, with `podman build` from their Dockerfiles, unchanged.
#   4. docker-compose.yml with tools/containers/docker-compose.podman.yml (what cannot exist here: MongoDB), driven
#      by Debian's docker-compose 1.29 through Podman's Docker-compatible API socket. Podman 4.3 runs health checks
#      from systemd timers, and there is no systemd here, so this script runs each container's check itself.
#
# Prints the time of each phase. The smoke test's checks end with "container smoke: N passed, N failed".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
mode="${1:-smoke}"

export CONTAINERS_CONF="$here/containers.conf"
export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-moderation-containers}"
state="/tmp/moderation-containers"
socket="$state/podman.sock"
export DOCKER_HOST="unix://$socket"
mongo_emulator="$root/../shared/mongo-emulator"
compose=(docker-compose -f docker-compose.yml -f tools/containers/docker-compose.podman.yml)

# The run lock is fd 9; nothing started from here may inherit it, or a container's monitor would hold it.
podman() { command podman "$@" 9>&-; }

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

phase_name="" phase_start=0
phase() {
  local now; now=$(date +%s)
  [ -n "$phase_name" ] && log "phase '$phase_name' took $((now - phase_start)) s"
  phase_name="$1" phase_start=$now
  [ -n "$phase_name" ] && log "== $phase_name"
  return 0
}

# --- 1. tools ---------------------------------------------------------------------------------------------------
install_tools() {
  local missing=() package
  for package in podman debootstrap docker-compose; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}: run as root, or install them"
  log "installing ${missing[*]} (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- 2. stand-in base images ------------------------------------------------------------------------------------
# The image names the project's files use: the Dockerfiles' FROM lines and docker-compose.yml's image: lines.
from_image() { sed -n "s/^FROM \([^ ]*\) AS $1\$/\1/p" deploy/docker/Dockerfile.template; }
compose_image() { awk -v service="  $1:" '$0 == service {found = 1} found && $1 == "image:" {print $2; exit}' docker-compose.yml; }
qualified() {   # as a Docker engine names an image: docker.io/library/nginx:1, docker.io/org/x:1, mcr.microsoft.com/x:1
  case "$1" in
    *.*/*|*:*/*|localhost/*) echo "$1" ;;
    */*) echo "docker.io/$1" ;;
    *) echo "docker.io/library/$1" ;;
  esac
}

debian_mirror() {
  local mirror
  mirror=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '$2 ~ /debian\/?$/ {print $2; exit}')
  [ -n "$mirror" ] || mirror=$(grep -hs '^deb ' /etc/apt/sources.list | awk '$2 ~ /debian\/?$/ {print $2; exit}')
  echo "${mirror:-http://deb.debian.org/debian}"
}

make_debian_base() {
  podman image exists localhost/debian:bookworm && return 0
  local rootfs="$state/debian-rootfs"
  log "debian:bookworm base from debootstrap ($(debian_mirror))"
  rm -rf "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$(debian_mirror)" >"$state/debootstrap.log" 2>&1 \
    || die "debootstrap failed: $(tail -3 "$state/debootstrap.log")"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
  tar -C "$rootfs" -c . | podman import --quiet - localhost/debian:bookworm >/dev/null
  rm -rf "$rootfs"
}

# Builds tools/containers/stand-ins/<folder> as <tag> unless an image with the same inputs exists.
make_stand_in() {
  local folder="$1" tag="$2" inputs context
  context="$state/context-$folder"
  rm -rf "$context" && cp -r "$here/stand-ins/$folder" "$context"
  case "$folder" in
    dotnet-sdk) mkdir -p "$context/ca" && cp /usr/local/share/ca-certificates/*.crt "$context/ca/" 2>/dev/null || true ;;
    mongo)
      [ -f "$mongo_emulator/mongo-wire-emulator.jar" ] || die "no $mongo_emulator: the MongoDB stand-in is made from it"
      cp "$mongo_emulator/mongo-wire-emulator.jar" "$context/" ;;
  esac
  inputs=$( (cd "$context" && find . -type f -print0 | sort -z | xargs -0 sha256sum; dotnet --list-sdks; dotnet --list-runtimes) | sha256sum | cut -c1-16)
  if [ "$(podman image inspect --format '{{index .Labels "moderation.stand-in"}}' "$tag" 2>/dev/null)" = "$inputs" ]; then
    rm -rf "$context"; return 0
  fi
  log "stand-in $tag"
  podman build --quiet --pull=never --label "moderation.stand-in=$inputs" --volume /usr/share/dotnet:/mnt/dotnet:ro \
    -t "$tag" "$context" >"$state/build-$folder.log" 2>&1 || die "stand-in $tag failed: $(tail -20 "$state/build-$folder.log")"
  rm -rf "$context"
}

make_stand_ins() {
  make_debian_base
  make_stand_in dotnet-sdk "$(qualified "$(from_image build)")"
  make_stand_in aspnet "$(qualified "$(from_image runtime)")"
  make_stand_in rabbitmq "$(qualified "$(compose_image rabbitmq)")"
  make_stand_in nginx "$(qualified "$(compose_image proxy)")"
  make_stand_in mongo localhost/moderation-stand-in/mongo:7
}

# --- 3. the project's images ------------------------------------------------------------------------------------
build_images() {
  local service start dockerfile
  for dockerfile in services/Moderation.*/Dockerfile; do
    service=$(basename "$(dirname "$dockerfile")"); service=${service#Moderation.}
    start=$(date +%s)
    # Docker's image format: the OCI format has no HEALTHCHECK, and Podman would drop it.
    podman build --pull=never --format docker -f "services/Moderation.$service/Dockerfile" \
      -t "moderation/${service,,}:${MODERATION_TAG:-latest}" . >"$state/build-${service,,}.log" 2>&1 \
      || die "building moderation/${service,,} failed: $(tail -30 "$state/build-${service,,}.log")"
    log "moderation/${service,,}: built in $(( $(date +%s) - start )) s, $(podman image inspect --format '{{.Size}}' "moderation/${service,,}:${MODERATION_TAG:-latest}" | awk '{printf "%.0f MB", $1 / 1e6}')"
  done
}

# --- 4. compose on Podman -------------------------------------------------------------------------------------------
start_api() {
  if [ -S "$socket" ] && curl -sf --unix-socket "$socket" http://d/_ping >/dev/null 2>&1; then return 0; fi
  rm -f "$socket"
  command podman system service --time=0 "unix://$socket" >"$state/podman-service.log" 2>&1 9>&- &
  echo $! >"$state/podman-service.pid"
  for _ in $(seq 1 50); do
    curl -sf --unix-socket "$socket" http://d/_ping >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "the Podman API service did not answer: $(tail -5 "$state/podman-service.log")"
}

# Podman 4.3 without systemd never runs a health check on its own: run each container's check at the interval its
# image or compose file gives, as Docker would (the first one 5 s after the container is seen), so that a check's
# retries and start period mean what they say.
start_health_checks() {
  stop_health_checks
  (
    declare -A next=() interval=()
    while :; do
      now=$(date +%s)
      for id in $(podman ps -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" 2>/dev/null); do
        if [ -z "${interval[$id]:-}" ]; then
          seconds=$(podman inspect --format '{{.Config.Healthcheck.Interval.Seconds}}' "$id" 2>/dev/null || true)
          seconds=${seconds%%.*}
          interval[$id]=$(( ${seconds:-0} > 0 ? seconds : 30 ))
          next[$id]=$(( now + 5 ))
        fi
        if [ "$now" -ge "${next[$id]}" ]; then
          podman healthcheck run "$id" >/dev/null 2>&1 || true
          next[$id]=$(( $(date +%s) + ${interval[$id]} ))
        fi
      done
      sleep 1
    done
  ) >/dev/null 2>&1 9>&- &
  echo $! >"$state/health-checks.pid"
}

stop_pid_file() {
  local file="$1" pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file"); rm -f "$file"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
stop_health_checks() { stop_pid_file "$state/health-checks.pid"; }

check_ports_free() {
  local port
  for port in 8080 8081 8082 8083 15672; do
    if ss -Hltn "sport = :$port" | grep -q .; then
      die "host port $port is in use (by: $(ss -Hltnp "sport = :$port" | sed -n 's/.*users:((\("[^"]*"\).*/\1/p' | head -1)); docker-compose.yml publishes it"
    fi
  done
}

stack_up() {
  start_api
  start_health_checks
  check_ports_free
  # The first administrator of the console, for the smoke test's moderator: a fresh password each run.
  export REVIEW_ADMIN_USERNAME="${REVIEW_ADMIN_USERNAME:-chief}"
  export REVIEW_ADMIN_PASSWORD="${REVIEW_ADMIN_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')}"
  "${compose[@]}" up -d --no-build --scale worker=3 >"$state/compose-up.log" 2>&1 9>&- \
    || { cat "$state/compose-up.log" >&2; die "docker-compose up failed"; }
  wait_healthy 420
}

# Waits until every container of the project is healthy (the proxy last, as compose starts it last).
wait_healthy() {
  local deadline=$(( $(date +%s) + $1 )) waiting
  while :; do
    waiting=$(podman ps -a --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" --format '{{.Names}} {{.Status}}' \
      | grep -v '(healthy)$' || true)
    [ -z "$waiting" ] && return 0
    if [ "$(date +%s)" -ge "$deadline" ]; then
      log "not healthy after $1 s:" >&2; echo "$waiting" >&2
      return 1
    fi
    sleep 2
  done
}

stack_down() {
  if [ -S "$socket" ]; then
    "${compose[@]}" down -v --remove-orphans >"$state/compose-down.log" 2>&1 9>&- || cat "$state/compose-down.log" >&2
  fi
  stop_health_checks
  # Whatever compose could not remove (a container of an interrupted run).
  podman ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" | xargs -r podman rm -f >/dev/null 2>&1 || true
  podman volume ls -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" | xargs -r podman volume rm -f >/dev/null 2>&1 || true
  stop_pid_file "$state/podman-service.pid"
  rm -f "$socket"
}

images() {
  phase "tools"; install_tools
  phase "stand-in base images"; make_stand_ins
  phase "service images"; build_images
}

mkdir -p "$state"
# One run at a time on a machine: the stack publishes fixed host ports.
exec 9>"$state/lock"
flock -w 1800 9 || die "another tools/containers/run.sh still runs after 30 minutes"

case "$mode" in
  images) images; phase "" ;;
  up)
    images
    phase "stack up (--scale worker=3)"; stack_up || die "the stack did not become healthy"
    phase ""
    log "running: http://localhost:8080 (console admin: $REVIEW_ADMIN_USERNAME / $REVIEW_ADMIN_PASSWORD); stop with: $0 down"
    ;;
  down) phase "stack down"; stack_down; phase "" ;;
  smoke)
    trap 'stack_down' EXIT
    images
    phase "stack up (--scale worker=3)"
    healthy=1; stack_up || healthy=0
    phase "smoke test"
    status=0
    STACK_HEALTHY=$healthy bash "$here/smoke.sh" 9>&- || status=$?
    phase "stack down"; stack_down; trap - EXIT
    phase ""
    exit "$status"
    ;;
  *) echo "usage: $0 [smoke|images|up|down]" >&2; exit 2 ;;
esac

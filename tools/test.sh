#!/usr/bin/env bash
# Runs every test of the repository, from a fresh clone, on a fresh Debian machine as root.
#
# What the tests need and this script provides when it is missing:
#   - RabbitMQ: a Docker engine lets the fixtures start one with Testcontainers; otherwise, unless RABBITMQ_URI names
#     one, Debian's rabbitmq-server is installed (apt) and started here, and stopped again at the end.
#   - Chromium for the browser tests, and docker-compose (v1) to validate docker-compose.yml: from apt.
#   - Prometheus (and its promtool) for the metrics and alert-rule tests: from apt.
#   - Podman, debootstrap and the stand-in base images for the container smoke test: tools/containers/run.sh.
#   - MongoDB, in this order: MONGODB_URI when set; else Testcontainers.MongoDb where Docker runs; else the MongoDB
#     wire-protocol emulator next to the repository (../shared/mongo-emulator, port MONGO_EMULATOR_PORT, default 27017),
#     started here, exported as MONGODB_URI and stopped at the end. With none of them the MongoDB tests skip, naming
#     why, except under CI=true, where no MongoDB is a failure.
# Exits non-zero on any failure and ends with a line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

have_docker() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

apt_install() {
  local missing=() package
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages ${missing[*]}: run this script as root, or install them yourself." >&2
    return 1
  fi
  log "Installing ${missing[*]} (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

started_rabbitmq=0
stop_rabbitmq() {
  if [ "$started_rabbitmq" = 1 ]; then
    started_rabbitmq=0
    rabbitmqctl stop >/dev/null 2>&1 || true
    epmd -kill >/dev/null 2>&1 || true
  fi
}
# The broker-cluster test starts and stops its own three nodes; one killed half-way would leave them running.
stop_test_cluster() {
  if [ -d "${CLUSTER_DIR:-/tmp/moderation-rabbitmq-cluster}" ]; then
    bash tools/rabbitmq-cluster/cluster.sh stop >/dev/null 2>&1 || true
  fi
}

mongo_emulator=../shared/mongo-emulator
mongo_emulator_port="${MONGO_EMULATOR_PORT:-27017}"
started_mongo=0
stop_mongo() {
  if [ "$started_mongo" = 1 ]; then
    started_mongo=0
    "$mongo_emulator/stop" "$mongo_emulator_port" >/dev/null 2>&1 || true
  fi
}
stop_services() { stop_rabbitmq; stop_mongo; stop_test_cluster; }
trap stop_services EXIT

# MONGODB_URI, else Docker (the fixtures start MongoDB with Testcontainers), else the emulator.
start_mongo() {
  [ -n "${MONGODB_URI:-}" ] && return 0
  have_docker && return 0
  if [ -x "$mongo_emulator/start" ]; then
    log "Starting the MongoDB wire-protocol emulator (port $mongo_emulator_port)"
    local uri
    if uri=$("$mongo_emulator/start" "$mongo_emulator_port"); then
      started_mongo=1
      export MONGODB_URI="$uri"
      return 0
    fi
    echo "The MongoDB emulator did not start." >&2
  else
    echo "No MONGODB_URI, no Docker and no $mongo_emulator: the MongoDB tests will skip, saying so." >&2
  fi
  [ "${CI:-}" = "true" ] && return 1
  return 0
}

start_rabbitmq() {
  apt_install rabbitmq-server || return 1
  if rabbitmqctl -q status >/dev/null 2>&1; then
    log "Using the RabbitMQ already running on this machine"
  else
    log "Starting RabbitMQ"
    rabbitmq-server -detached
    started_rabbitmq=1
    rabbitmqctl wait --timeout 60 "/var/lib/rabbitmq/mnesia/rabbit@$(hostname -s).pid" >/dev/null || return 1
  fi
  export RABBITMQ_URI="amqp://guest:guest@localhost:5672/"
}

if [ -z "${RABBITMQ_URI:-}" ] && ! have_docker; then
  start_rabbitmq || { echo "Could not start RabbitMQ; the integration tests need one." >&2; exit 1; }
fi
if ! start_mongo; then
  echo "CI=true and no MongoDB (MONGODB_URI, Docker or the emulator): the MongoDB tests cannot run." >&2
  stop_services
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
apt_install chromium docker-compose || echo "Could not install chromium/docker-compose: the tests that need them will say so." >&2
apt_install prometheus || echo "Could not install prometheus: the tests that scrape and check with it will say so." >&2

log "Building (Release)"
if ! dotnet build Moderation.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  stop_services
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

log "Testing"
results="TestResults/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
# One test assembly at a time: the integration tests stop and start the broker, and the machine has few cores.
dotnet test Moderation.sln -c Release --no-build -nologo -maxcpucount:1 \
  --results-directory "$results" --logger "trx" --logger "console;verbosity=normal" \
  --blame-hang-timeout 15m
status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value total) - $(value executed)))   # a skipped test is counted but not executed
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the run broke before reporting (build, crash or hang): count it, never pass silently
fi

stop_services   # before the summary, which must be the last line

# The container form: the Dockerfiles built with Podman, docker-compose.yml run with three workers, and the
# container smoke test through the nginx front (tools/containers/run.sh). Each of its checks counts as one test.
log "Containers (tools/containers/run.sh)"
if [ ! -d ../shared/mongo-emulator ] && [ -z "${CI:-}" ]; then
  echo "Container smoke test skipped: ../shared/mongo-emulator (the MongoDB stand-in of the compose stack) is absent."
  skipped=$((skipped + 1))
else
  bash tools/containers/run.sh smoke 2>&1 | tee "$results/containers.log"
  containers_status=${PIPESTATUS[0]}
  summary=$(sed -n 's/^container smoke: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$results/containers.log" | tail -1)
  if [ -n "$summary" ]; then
    passed=$((passed + ${summary% *}))
    failed=$((failed + ${summary#* }))
  fi
  if [ "$containers_status" -ne 0 ]; then
    [ -n "$summary" ] && [ "${summary#* }" -gt 0 ] || failed=$((failed + 1))   # broke before or outside its checks
    status=1
  fi
fi
# Name every failed test just above the summary, so the tail of a CI log says what broke.
failures=$( { cat "$results"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' |
  sed -n 's/.* testName="\([^"]*\)".*/  failed: \1/p'; grep -h '^[0-9:]*  FAIL ' "$results/containers.log" 2>/dev/null |
  sed 's/^/  failed (containers): /'; } | head -40)
echo
[ -z "$failures" ] || printf 'Failed tests:\n%s\n' "$failures"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"

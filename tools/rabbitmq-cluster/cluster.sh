#!/usr/bin/env bash
# A three-node RabbitMQ cluster on this machine, for the broker-failure tests and for trying the services on a
# cluster. Debian's rabbitmq-server package, run as root (the nodes run as the rabbitmq user).
#
#   tools/rabbitmq-cluster/cluster.sh start        start three joined nodes (idempotent), print the settings to use
#   tools/rabbitmq-cluster/cluster.sh stop         stop every node and delete the cluster's data
#   tools/rabbitmq-cluster/cluster.sh status       the cluster as node 1 sees it
#   tools/rabbitmq-cluster/cluster.sh kill N       kill -9 node N (1-3), as a crash would
#   tools/rabbitmq-cluster/cluster.sh restart N    start node N again on its data; it rejoins the cluster
#   tools/rabbitmq-cluster/cluster.sh leader Q     the node that leads quorum queue Q (name@host)
#   tools/rabbitmq-cluster/cluster.sh node-of N    node N's name (moderation-cluster-N@localhost)
#
# Nodes moderation-cluster-{1,2,3}@localhost listen for AMQP on 5713, 5723 and 5733 (distribution on 25713, 25723,
# 25733), so they never meet the default broker on 5672. CLUSTER_BASE_PORT moves them (nodes on BASE, BASE+10, BASE+20)
# and CLUSTER_NAME renames them (CLUSTER_NAME-N@localhost), so a second cluster can run beside the tests' one.
# Data and logs live under CLUSTER_DIR (default /tmp/moderation-rabbitmq-cluster). The services declare their queues
# as quorum queues (Messaging:QuorumQueues=true), replicated on all three nodes: any one node can be lost.
set -euo pipefail

base_port=${CLUSTER_BASE_PORT:-5713}
dir=${CLUSTER_DIR:-/tmp/moderation-rabbitmq-cluster}
nodes=(1 2 3)

node_name() { echo "${CLUSTER_NAME:-moderation-cluster}-$1@localhost"; }
node_port() { echo $((base_port + ($1 - 1) * 10)); }

# The environment rabbitmq-server reads for node N.
with_node() {
  local n=$1
  shift
  env RABBITMQ_NODENAME="$(node_name "$n")" \
      RABBITMQ_NODE_PORT="$(node_port "$n")" \
      RABBITMQ_DIST_PORT=$(($(node_port "$n") + 20000)) \
      RABBITMQ_MNESIA_BASE="$dir/node$n/mnesia" \
      RABBITMQ_LOG_BASE="$dir/node$n/log" \
      RABBITMQ_PID_FILE="$dir/node$n/pid" \
      RABBITMQ_ENABLED_PLUGINS_FILE="$dir/node$n/enabled_plugins" \
      RABBITMQ_CONFIG_FILE="$dir/node$n/rabbitmq" \
      "$@"
}

ctl() { rabbitmqctl -q -n "$(node_name "$1")" "${@:2}"; }

is_running() { ctl "$1" status >/dev/null 2>&1; }

start_node() {
  local n=$1
  mkdir -p "$dir/node$n"
  [ -f "$dir/node$n/enabled_plugins" ] || echo '[].' > "$dir/node$n/enabled_plugins"
  # A config of its own (no plugins, so no management port that three nodes would fight over), not /etc/rabbitmq's.
  [ -f "$dir/node$n/rabbitmq.conf" ] || printf '# moderation test cluster node %s\n' "$n" > "$dir/node$n/rabbitmq.conf"
  chown -R rabbitmq:rabbitmq "$dir"
  if is_running "$n"; then
    return 0
  fi
  rm -f "$dir/node$n/pid"
  with_node "$n" rabbitmq-server -detached
  with_node "$n" rabbitmqctl -q -n "$(node_name "$n")" wait --timeout 90 "$dir/node$n/pid" >/dev/null
}

join() {
  local n=$1 first
  first=$(node_name 1)
  if ctl 1 cluster_status --formatter json 2>/dev/null | grep -q "\"$(node_name "$n")\""; then
    return 0
  fi
  ctl "$n" stop_app
  ctl "$n" join_cluster "$first"
  ctl "$n" start_app
}

require_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Run as root: the nodes run as the rabbitmq user." >&2
    exit 1
  fi
  command -v rabbitmq-server >/dev/null || { echo "rabbitmq-server is not installed (apt-get install -y rabbitmq-server)." >&2; exit 1; }
}

case "${1:-}" in
  start)
    require_root
    for n in "${nodes[@]}"; do start_node "$n"; done
    for n in 2 3; do join "$n"; done
    ctl 1 await_online_nodes 3 >/dev/null
    echo "RabbitMQ cluster running: $(node_name 1), $(node_name 2), $(node_name 3)"
    echo "  Messaging:RabbitMqUri=amqp://guest:guest@localhost:$(node_port 1)/"
    for n in "${nodes[@]}"; do echo "  Messaging:RabbitMqNodes:$((n - 1))=localhost:$(node_port "$n")"; done
    echo "  Messaging:QuorumQueues=true"
    ;;
  stop)
    for n in 3 2 1; do
      if is_running "$n"; then ctl "$n" stop >/dev/null 2>&1 || true; fi
      if [ -f "$dir/node$n/pid" ]; then kill -9 "$(cat "$dir/node$n/pid")" 2>/dev/null || true; fi
    done
    rm -rf "$dir"
    ;;
  status)
    ctl 1 cluster_status
    ;;
  kill)
    pid=$(cat "$dir/node$2/pid")
    kill -9 "$pid"
    echo "killed $(node_name "$2") (pid $pid)"
    ;;
  restart)
    require_root
    start_node "$2"
    ctl "$2" await_startup >/dev/null
    echo "restarted $(node_name "$2")"
    ;;
  leader)
    for n in "${nodes[@]}"; do
      if is_running "$n"; then
        ctl "$n" list_queues --no-table-headers name leader | awk -v q="$2" '$1 == q { print $2 }'
        exit 0
      fi
    done
    exit 1
    ;;
  node-of)
    node_name "$2"
    ;;
  *)
    sed -n '2,17p' "$0" >&2
    exit 2
    ;;
esac

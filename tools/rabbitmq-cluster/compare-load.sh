#!/usr/bin/env bash
# The pipeline's throughput on the three-node cluster (quorum queues, services given every node) next to one node
# (classic queues), in the same run, with the load tool (tools/load/run.sh; its own raw-broker baseline comes first in
# each part). Run as root (the cluster's nodes run as the rabbitmq user).
#   tools/rabbitmq-cluster/compare-load.sh [load tool options, e.g. --comments 10000 --workers 2]
# SINGLE_NODE_URI names the single broker (default RABBITMQ_URI, else amqp://guest:guest@localhost:5672/).
set -euo pipefail
cd "$(dirname "$0")/../.."
single=${SINGLE_NODE_URI:-${RABBITMQ_URI:-amqp://guest:guest@localhost:5672/}}
# The cluster's ports (CLUSTER_BASE_PORT, CLUSTER_NAME and CLUSTER_DIR are cluster.sh's own settings).
base=${CLUSTER_BASE_PORT:-5713}
p1=$base p2=$((base + 10)) p3=$((base + 20))

bash tools/rabbitmq-cluster/cluster.sh start
trap 'bash tools/rabbitmq-cluster/cluster.sh stop' EXIT

echo
echo "=== one RabbitMQ node ($single), classic queues"
tools/load/run.sh --rabbitmq "$single" "$@"

echo
echo "=== three-node RabbitMQ cluster ($p1, $p2, $p3), quorum queues replicated on all three"
Messaging__QuorumQueues=true \
Messaging__RabbitMqNodes__0=localhost:$p1 Messaging__RabbitMqNodes__1=localhost:$p2 Messaging__RabbitMqNodes__2=localhost:$p3 \
  tools/load/run.sh --rabbitmq "amqp://guest:guest@localhost:$p1/" "$@"

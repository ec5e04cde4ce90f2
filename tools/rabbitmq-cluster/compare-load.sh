#!/usr/bin/env bash
# The pipeline's throughput on the three-node cluster (quorum queues, services given every node) next to one node
# (classic queues), in the same run, with the load tool (tools/load/run.sh; its own raw-broker baseline comes first in
# each part). Run as root (the cluster's nodes run as the rabbitmq user).
#   tools/rabbitmq-cluster/compare-load.sh [load tool options, e.g. --comments 10000 --workers 2]
# SINGLE_NODE_URI names the single broker (default RABBITMQ_URI, else amqp://guest:guest@localhost:5672/).
set -euo pipefail
cd "$(dirname "$0")/../.."
single=${SINGLE_NODE_URI:-${RABBITMQ_URI:-amqp://guest:guest@localhost:5672/}}

bash tools/rabbitmq-cluster/cluster.sh start
trap 'bash tools/rabbitmq-cluster/cluster.sh stop' EXIT

echo
echo "=== one RabbitMQ node ($single), classic queues"
tools/load/run.sh --rabbitmq "$single" "$@"

echo
echo "=== three-node RabbitMQ cluster (5713, 5723, 5733), quorum queues replicated on all three"
Messaging__QuorumQueues=true \
Messaging__RabbitMqNodes__0=localhost:5713 Messaging__RabbitMqNodes__1=localhost:5723 Messaging__RabbitMqNodes__2=localhost:5733 \
  tools/load/run.sh --rabbitmq amqp://guest:guest@localhost:5713/ "$@"

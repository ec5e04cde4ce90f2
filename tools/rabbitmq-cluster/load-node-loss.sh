#!/usr/bin/env bash
# The long version of the cluster test: the load tool (tools/load/run.sh) runs the pipeline on the three-node cluster
# with quorum queues, and part way through the node that leads the worker's queue is killed with kill -9, then started
# again. The load tool exits non-zero if any accepted comment is not final when it ends; its "accepted" and "not
# final" lines are the figures. Run as root.
#   tools/rabbitmq-cluster/load-node-loss.sh [--kill-after 30] [--down-for 20] [load tool options, e.g. --comments 10000]
# CLUSTER_BASE_PORT, CLUSTER_NAME and CLUSTER_DIR are cluster.sh's own settings.
set -euo pipefail
cd "$(dirname "$0")/../.."
kill_after=30 down_for=20
while [ $# -gt 0 ]; do
  case "$1" in
    --kill-after) kill_after=$2; shift 2 ;;
    --down-for) down_for=$2; shift 2 ;;
    *) break ;;
  esac
done
cluster=tools/rabbitmq-cluster/cluster.sh
base=${CLUSTER_BASE_PORT:-5713}
p1=$base p2=$((base + 10)) p3=$((base + 20))

bash "$cluster" start
trap 'bash "$cluster" stop' EXIT

# Build first, so the kill lands while comments flow rather than while the load tool compiles.
for project in Ingestion Worker Publishing Review Host; do
  dotnet build "services/Moderation.$project" -c Release -nologo -v quiet -clp:"ErrorsOnly;NoSummary"
done
dotnet build tools/load/Moderation.Load -c Release -nologo -v quiet -clp:"ErrorsOnly;NoSummary"

Messaging__QuorumQueues=true \
Messaging__RabbitMqNodes__0=localhost:$p1 Messaging__RabbitMqNodes__1=localhost:$p2 Messaging__RabbitMqNodes__2=localhost:$p3 \
  dotnet tools/load/Moderation.Load/bin/Release/net10.0/Moderation.Load.dll --repository . \
  --rabbitmq "amqp://guest:guest@localhost:$p1/" "$@" &
load=$!

sleep "$kill_after"
leader=
for _ in 1 2 3 4 5; do   # rabbitmqctl can time out on a loaded machine
  leader=$(bash "$cluster" leader moderate-comment 2>/dev/null || true)
  [ -n "$leader" ] && break
  sleep 2
done
victim=2
for n in 1 2 3; do
  if [ "$leader" = "$(bash "$cluster" node-of "$n")" ]; then victim=$n; fi
done
echo "== $(date +%T) killing node $victim (${leader:-leader unknown} leads moderate-comment) with kill -9"
bash "$cluster" kill "$victim"
sleep "$down_for"
echo "== $(date +%T) starting node $victim again"
bash "$cluster" restart "$victim"
echo "== $(date +%T) leader of moderate-comment now: $(bash "$cluster" leader moderate-comment || echo unknown)"

status=0
wait "$load" || status=$?
echo "== load tool exited $status"
exit "$status"

#!/usr/bin/env bash
# Load on this machine, measured against the broker's own speed in the same run.
#   tools/load/run.sh [--mode distributed|composed] [--workers 2] [--comments 10000] [--concurrency 64] [--rate 0]
#                     [--rabbitmq amqp://...] [--base-port 15700]
# Distributed (default): measures a raw RabbitMQ.Client publish+consume with confirms first, then starts Ingestion, N
# workers, Publishing and Review as separate processes on RabbitMQ (RABBITMQ_URI or --rabbitmq), each on its own SQLite
# file. Composed: the one-process host on its in-memory bus and one SQLite file. Submits a realistic mix with
# Idempotency-Keys, prints submits/s, end-to-end/s, p50/p99 submit and submit-to-final latency and the load average,
# and exits non-zero if any accepted comment is not final when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
for project in Ingestion Worker Publishing Review Host; do
  dotnet build "services/Moderation.$project" -c Release -nologo -v quiet -clp:ErrorsOnly
done
dotnet build tools/load/Moderation.Load -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet tools/load/Moderation.Load/bin/Release/net10.0/Moderation.Load.dll --repository . "$@"

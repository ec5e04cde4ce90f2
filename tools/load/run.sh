#!/usr/bin/env bash
# Load on loopback: starts the composed host (Release, in-memory bus, a fresh SQLite file), then drives it with wrk:
# submits for DURATION seconds, then reads the article's first page for DURATION seconds; prints wrk's figures and
# how many submitted comments reached a final status. Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${DURATION:-15}
port=${PORT:-5099}
folder=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

dotnet build services/Moderation.Host -c Release -nologo -v quiet -clp:ErrorsOnly
ASPNETCORE_ENVIRONMENT=Development dotnet services/Moderation.Host/bin/Release/net10.0/Moderation.Host.dll \
  --urls "http://127.0.0.1:$port" --Storage:Sqlite:Path="$folder/load.db" --Sites:demo:ApiKeys:0=demo-key --Sites:demo:RequestsPerMinute=100000000 \
  --Logging:LogLevel:Default=Warning > "$folder/host.log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null; rm -rf "$folder"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done

echo "== submit: POST /v1/sites/demo/articles/load-article/comments, ${duration}s, 2 threads, 32 connections"
wrk -t2 -c32 -d"${duration}s" -s tools/load/submit.lua "http://127.0.0.1:$port" | sed -n '/Latency/p;/Requests\/sec/p;/requests /p;/Non-2xx/p'

echo "== read: GET the article's first page of 50, ${duration}s, 2 threads, 32 connections"
wrk -t2 -c32 -d"${duration}s" -H "Authorization: Bearer demo-key" \
  "http://127.0.0.1:$port/v1/sites/demo/articles/load-article/comments?limit=50" | sed -n '/Latency/p;/Requests\/sec/p;/Non-2xx/p'

# Every accepted comment must reach a final status: wait for the pipeline to drain, then count by status.
echo "== after: comments by status, waiting for the pipeline to drain"
for _ in $(seq 1 120); do
  counts=$(python3 -c "
import sqlite3; c = sqlite3.connect('file:$folder/load.db?mode=ro', uri=True)
print(' '.join(f'{s}={n}' for s, n in c.execute('select status, count(*) from comment_status group by status')))")
  echo "$counts" | grep -q "Pending" || break
  sleep 1
done
echo "$counts"

#!/usr/bin/env bash
# The console's speed with 10,000 waiting, against a small queue in the same run, in Debian's Chromium (/usr/bin/chromium).
#   tools/console-speed/run.sh [waiting=10000]
# Prints first-render and keyboard-decision times for both queues; exits 1 when the large queue misses
# first render < 1 s (median) or decision p90 < 150 ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tools/console-speed/Moderation.ConsoleSpeed -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet tools/console-speed/Moderation.ConsoleSpeed/bin/Release/net10.0/Moderation.ConsoleSpeed.dll "$@"

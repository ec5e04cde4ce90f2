#!/usr/bin/env bash
# Compares single-threaded throughput of our engine (default pack) with npm obscenity 0.4.6 on every eval file.
# Usage: tools/peers/compare.sh [EVAL_FOLDER] [SECONDS]   (from the repository root; default ../shared/eval, 2 s)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
eval_folder="$(cd "${1:-$repo_root/../shared/eval}" && pwd)"
seconds="${2:-2}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Installing obscenity@0.4.6 into $work ..." >&2
(cd "$work" && npm init -y >/dev/null 2>&1 && npm install --silent --no-audit --no-fund obscenity@0.4.6 >/dev/null)

echo "Building moderation (Release) ..." >&2
dotnet build "$repo_root/services/Moderation.Cli" -c Release -v quiet -nologo >/dev/null
moderation_dll="$repo_root/services/Moderation.Cli/bin/Release/net10.0/moderation.dll"

value_of() { sed -n 's/^comments_per_second=//p'; }

printf '%-24s %14s %14s %8s\n' "file" "ours c/s" "obscenity c/s" "ratio"
for file in "$eval_folder"/*.jsonl; do
  name="$(basename "$file" .jsonl)"
  ours="$(dotnet "$moderation_dll" bench --input "$file" --seconds "$seconds" | value_of)"
  theirs="$(cd "$work" && node "$repo_root/tools/peers/obscenity-bench.mjs" "$file" "$seconds" | value_of)"
  ratio="$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.1f", a / b }')"
  printf '%-24s %14s %14s %8s\n' "$name" "$ours" "$theirs" "$ratio"
done

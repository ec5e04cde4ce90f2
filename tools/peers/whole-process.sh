#!/usr/bin/env bash
# Whole-process throughput, side by side on the same file and machine in the same run: `moderation classify` (one
# decision line per comment, default pack, every core, and with --threads 1) against a node script that runs npm
# obscenity 0.4.6 over the same file and writes one line per comment. Each side is timed from process start to exit,
# so reading, parsing, start-up and writing count; CPU seconds (user + system) and peak memory (max RSS) are printed
# beside it, and the same CLI published ReadyToRun (compiled ahead of time: less start-up JIT). On a shared machine the wall-clock rate moves with everyone else's load; comments per CPU second less so.
# Usage: tools/peers/whole-process.sh [EVAL_FOLDER] [COPIES]   (from the repository root; default ../shared/eval, 8)
# The input is davidson-offensive.jsonl repeated COPIES times (8 copies: 100,120 tweets).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
eval_folder="$(cd "${1:-$repo_root/../shared/eval}" && pwd)"
copies="${2:-8}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Installing obscenity@0.4.6 into $work ..." >&2
(cd "$work" && npm init -y >/dev/null 2>&1 && npm install --silent --no-audit --no-fund obscenity@0.4.6 >/dev/null)

echo "Building moderation (Release) ..." >&2
dotnet build "$repo_root/services/Moderation.Cli" -c Release -v quiet -nologo >/dev/null
moderation_dll="$repo_root/services/Moderation.Cli/bin/Release/net10.0/moderation.dll"

# The same CLI compiled ahead of time (ReadyToRun): start-up and the first calls skip the JIT.
echo "Publishing moderation (Release, ReadyToRun) ..." >&2
dotnet publish "$repo_root/services/Moderation.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$work/r2r" -v quiet -nologo >/dev/null

input="$work/input.jsonl"
for _ in $(seq "$copies"); do cat "$eval_folder/davidson-offensive.jsonl"; done > "$input"
rows="$(grep -c . "$input")"

# Runs a command with stdout to a file; prints "seconds cpu_seconds max_rss_kb lines_written".
measure() {
  local out="$work/out.jsonl"
  local start end
  start="$(date +%s.%N)"
  /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" > "$out"
  end="$(date +%s.%N)"
  read -r user system rss < "$work/time"
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }') $(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }') $rss $(grep -c . "$out")"
}

echo "input: $rows comments ($copies copies of davidson-offensive), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
printf '%-34s %8s %12s %8s %14s %11s %10s\n' "process" "seconds" "comments/s" "cpu s" "comments/cpu-s" "max RSS MB" "lines out"
declare -A rate cpu_rate
run() {
  local name="$1"; shift
  read -r seconds cpu rss lines < <(measure "$@")
  rate[$name]="$(awk -v n="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')"
  cpu_rate[$name]="$(awk -v n="$rows" -v s="$cpu" 'BEGIN { printf "%.0f", n / s }')"
  printf '%-34s %8s %12s %8s %14s %11s %10s\n' "$name" "$seconds" "${rate[$name]}" "$cpu" "${cpu_rate[$name]}" "$((rss / 1024))" "$lines"
}
run "moderation classify" dotnet "$moderation_dll" classify --input "$input"
run "moderation classify --threads 1" dotnet "$moderation_dll" classify --input "$input" --threads 1
run "moderation classify (ReadyToRun)" dotnet "$work/r2r/moderation.dll" classify --input "$input"
run "node obscenity-classify.mjs" bash -c "cd '$work' && exec node '$repo_root/tools/peers/obscenity-classify.mjs' '$input'"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
peer="node obscenity-classify.mjs"
echo "ratio, wall clock: every core $(ratio "${rate["moderation classify"]}" "${rate[$peer]}"), one thread $(ratio "${rate["moderation classify --threads 1"]}" "${rate[$peer]}")"
echo "ratio, per CPU second: every core $(ratio "${cpu_rate["moderation classify"]}" "${cpu_rate[$peer]}"), one thread $(ratio "${cpu_rate["moderation classify --threads 1"]}" "${cpu_rate[$peer]}")"
echo "ratio, ReadyToRun: wall clock $(ratio "${rate["moderation classify (ReadyToRun)"]}" "${rate[$peer]}"), per CPU second $(ratio "${cpu_rate["moderation classify (ReadyToRun)"]}" "${cpu_rate[$peer]}")"

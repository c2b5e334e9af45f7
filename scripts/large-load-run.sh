#!/usr/bin/env bash
# One whole large load on a fresh data directory, timed: the verb's phase table, the loading process's CPU
# (/usr/bin/time -v) and the cluster's (scripts/cluster-cpu.py), load average before and after; the directory is
# deleted afterwards. Run it on a quiet machine, after `dotnet build -c Release AdminPortal`.
#   scripts/large-load-run.sh NAME ["-c setting=value ..."]   (the second argument: EmbeddedPostgres:ExtraServerOptions)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/large-load-run.sh NAME [EXTRA_SERVER_OPTIONS]}
extra=${2:-}
out=${LARGE_LOAD_OUT:-/tmp}
D=/var/lib/adminportal/large-run-$name
rm -rf "$D"
echo "start $(date -u +%T) $(uptime | sed 's/.*load/load/')"
ASPNETCORE_ENVIRONMENT=Development EmbeddedPostgres__DataDirectory=$D EmbeddedPostgres__ExtraServerOptions="$extra" \
  /usr/bin/time -v dotnet AdminPortal/bin/Release/net10.0/AdminPortal.dll seed --scale large --reset \
  >"$out/load-$name.out" 2>"$out/load-$name.time" &
pid=$!
sleep 3
timeout 900 scripts/cluster-cpu.py "$D/cluster" >"$out/cpu-$name.txt" 2>&1 || true
wait "$pid"
echo "end $(date -u +%T) $(uptime | sed 's/.*load/load/')"
grep -v '%)' "$out/load-$name.out" | sed -n '/^phase/,/^total/p'
grep -E 'User time|System time|Elapsed' "$out/load-$name.time"
tail -1 "$out/cpu-$name.txt"
rm -rf "$D"

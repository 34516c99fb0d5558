#!/usr/bin/env bash
# Start-up time and resident memory of each service in JVM mode, on a running local stack
# (deploy/local/up.sh): restarts each service alone, times it from launch to ready
# (/q/health/ready answering), reads Quarkus' own "started in" line, and the resident set size
# (VmRSS) right after start and after IDLE seconds (default 30). Services start one at a time, so
# each has the two cores to itself (the others idle).
#
#   e2e/bench/startup-memory.sh [IDLE=30]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/deploy/local/env.sh"
idle=${1:-30}
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

printf '%-10s %10s %12s %12s %14s\n' service ready_s quarkus_s rss_start_mb "rss_${idle}s_mb"
for name in auth incidents ai ingest realtime audit; do
  kill "$(cat "$RUN_DIR/pids/$name.pid")" 2>/dev/null || true
  while curl -fsS "http://127.0.0.1:${PORTS[$name]}/q/health/live" >/dev/null 2>&1; do sleep 0.2; done
  began=$(date +%s.%N)
  "$root/deploy/local/up.sh" --no-build --no-ui --no-seed --no-monitoring --only="$name" >/dev/null
  until curl -fsS "http://127.0.0.1:${PORTS[$name]}/q/health/ready" >/dev/null 2>&1; do sleep 0.05; done
  ready=$(awk -v now="$(date +%s.%N)" -v began="$began" 'BEGIN {print now - began}')
  pid=$(cat "$RUN_DIR/pids/$name.pid")
  quarkus=$(grep -o 'started in [0-9.]*s' "$RUN_DIR/logs/$name.log" | tail -1 | grep -o '[0-9.]*' || echo '?')
  start=$(rss "$pid")
  sleep "$idle"
  printf '%-10s %10.1f %12s %12s %14s\n' "$name" "$ready" "$quarkus" "$start" "$(rss "$pid")"
done

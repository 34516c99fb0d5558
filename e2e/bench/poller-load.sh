#!/usr/bin/env bash
# The poller under load against a running stack (deploy/local/up.sh, with Debian's Prometheus on
# $SRE_PROMETHEUS_PORT): TEMPLATES query templates at a 15 s interval, each with a learned-baseline
# anomaly rule, against that one Prometheus. After a warm-up, measures for WINDOW seconds the
# template runs completed, how late due templates get, and the CPU share of ingest and Prometheus.
#
#   e2e/bench/poller-load.sh [TEMPLATES=1000] [WINDOW=120]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../deploy/local/env.sh"
source "$here/team.sh"
templates=${1:-1000} window=${2:-120}
ingest=http://127.0.0.1:${PORTS[ingest]}
prometheus=http://127.0.0.1:$PROMETHEUS_PORT
db=(psql -h "$SRE_DB_HOST" -p "$SRE_DB_PORT" -U "$SRE_DB_USER" -d "$SRE_DB_NAME" -qtA)
curl -sf "$prometheus/-/ready" >/dev/null || { echo "no Prometheus at $prometheus (start the stack with monitoring)" >&2; exit 1; }

register_team poller
integration=$(curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  "$ingest/api/v1/integrations" -d "{\"type\":\"prometheus\",\"name\":\"bench\",\"url\":\"$prometheus\"}" | json "['id']")

echo "creating $templates templates"
queries=('sum by (job) (rate(http_server_requests_seconds_count[1m]))' 'process_cpu_usage' 'jvm_memory_used_bytes{area="heap"}'
  'sum by (job) (rate(process_cpu_seconds_total[1m]))' 'up')
for i in $(seq 0 $((templates - 1))); do
  query=${queries[$((i % ${#queries[@]}))]}
  printf '{"name":"bench-%d","query":%s,"serviceLabel":"job","intervalSeconds":15,"detection":{"anomaly":{"baselineSeconds":3600,"zThreshold":6,"consecutivePoints":3}}}' \
    "$i" "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$query")"
  echo
done | xargs -d '\n' -P 8 -I{} curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $token" "$ingest/api/v1/integrations/$integration/query-templates" -d '{}'

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks=$(getconf CLK_TCK)
ingest_pid=$(cat "$RUN_DIR/pids/ingest.pid")
prometheus_pid=$(cat "$RUN_DIR/pids/prometheus.pid" 2>/dev/null || true)
runs() { "${db[@]}" -c "SELECT count(*) FROM ingest.query_template WHERE project_id = '$project' AND last_run_at > now() - interval '$1 seconds'"; }

echo "warming up (60 s)"
sleep 60
ingest_before=$(cpu "$ingest_pid"); prometheus_before=${prometheus_pid:+$(cpu "$prometheus_pid")}
started=$(date +%s.%N)
lag_samples=()
for _ in $(seq 1 $((window / 5))); do
  sleep 5
  lag_samples+=("$("${db[@]}" -c "SELECT COALESCE(EXTRACT(EPOCH FROM max(now() - next_run_at)), 0) FROM ingest.query_template WHERE project_id = '$project' AND next_run_at < now()")")
done
elapsed=$(python3 -c "import time; print(time.time() - $started)")
ingest_after=$(cpu "$ingest_pid"); prometheus_after=${prometheus_pid:+$(cpu "$prometheus_pid")}
ran_last_15s=$(runs 15)
failing=$("${db[@]}" -c "SELECT count(*) FROM ingest.query_template WHERE project_id = '$project' AND failures > 0")

python3 - "$templates" "$elapsed" "$ticks" "$ingest_before" "$ingest_after" "${prometheus_before:-0}" "${prometheus_after:-0}" \
  "$ran_last_15s" "$failing" "${lag_samples[@]}" <<'PY'
import sys, statistics
templates, elapsed, ticks = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
ib, ia, pb, pa = (float(x) for x in sys.argv[4:8])
ran, failing = int(sys.argv[8]), int(sys.argv[9])
lags = [float(x) for x in sys.argv[10:]]
ingest_core = (ia - ib) / ticks / elapsed
prom_core = (pa - pb) / ticks / elapsed
print(f"templates: {templates} at 15 s; {ran} ran in the last 15 s ({ran / templates:.0%}), {failing} failing")
print(f"ingest CPU: {ingest_core:.2f} of one core ({ingest_core / 2:.0%} of the 2-core machine) over {elapsed:.0f} s")
print(f"prometheus CPU: {prom_core:.2f} of one core")
print(f"lateness of due templates: median {statistics.median(lags):.1f} s, max {max(lags):.1f} s")
PY
echo "cleaning up"
"${db[@]}" -c "DELETE FROM ingest.query_template WHERE project_id = '$project'" >/dev/null

#!/usr/bin/env bash
# Analysis latency with 50 services in scope and no LLM, end to end on the running stack: three
# hours of backfilled metrics (3 per service, one fault) in a private Prometheus, three query
# templates over it, INCIDENTS incidents from Alertmanager notifications, each analysed again
# RERUNS times through the API.
# Usage: deploy/local/up.sh --no-ui, then e2e/bench/analysis-latency.sh [INCIDENTS=20] [RERUNS=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
incidents=${1:-20}
reruns=${2:-10}
port=${BENCH_PROMETHEUS_PORT:-9391}
work=$(mktemp -d)
prometheus_pid=
trap '[[ -n $prometheus_pid ]] && kill $prometheus_pid 2>/dev/null; rm -rf "$work"' EXIT

end=$(( $(date +%s) / 60 * 60 ))
node e2e/bench/analysis-metrics.mjs "$end" > "$work/metrics.om"
promtool tsdb create-blocks-from openmetrics "$work/metrics.om" "$work/data" > "$work/backfill.log"
printf 'global:\n  scrape_interval: 1h\n' > "$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --storage.tsdb.retention.time=30d --web.listen-address="127.0.0.1:$port" > "$work/prometheus.log" 2>&1 &
prometheus_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/-/ready" > /dev/null && break; sleep 0.5; done
node e2e/bench/analysis-latency.mjs "http://127.0.0.1:$port" "$end" "$incidents" "$reruns"

#!/usr/bin/env bash
# Root-cause ranking through the product on the public Nezha OnlineBoutique cases (56 faults), beside
# random, N-Sigma and BARO on the same data. Loads the dataset into a Prometheus of its own with the
# dataset's load.sh, starts an Alertmanager of its own that delivers to ingest with a new team's API
# key, and runs e2e/bench/rca/nezha.mjs. Prints the table; writes e2e/target/rca/.
# Usage: deploy/local/up.sh --no-ui, then e2e/bench/rca-nezha.sh [NEZHA_DIR] (default ../shared/rca/nezha-ob)
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/env.sh
source e2e/bench/team.sh
export NEZHA_DIR=$(cd "${1:-../shared/rca/nezha-ob}" && pwd)
prometheus_port=${BENCH_PROMETHEUS_PORT:-9392}
alertmanager_port=${BENCH_ALERTMANAGER_PORT:-9394}
work=$(mktemp -d)
prometheus_pid= alertmanager_pid=
cleanup() {
  [[ -n $alertmanager_pid ]] && kill "$alertmanager_pid" 2>/dev/null
  [[ -n $prometheus_pid ]] && kill "$prometheus_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

prometheus_pid=$("$NEZHA_DIR/load.sh" "$prometheus_port" "$work/prometheus")
register_team rca
create_ingest_key > "$work/api-key"
cat > "$work/alertmanager.yml" <<YAML
route:
  receiver: sre-copilot
  group_by: [case]
  group_wait: 1s
  group_interval: 5s
  repeat_interval: 12h
receivers:
  - name: sre-copilot
    webhook_configs:
      - url: http://127.0.0.1:${PORTS[ingest]}/api/v1/ingest/alertmanager
        send_resolved: true
        http_config:
          authorization: {type: Bearer, credentials_file: $work/api-key}
YAML
prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/alertmanager" \
  --web.listen-address="127.0.0.1:$alertmanager_port" --cluster.listen-address= > "$work/alertmanager.log" 2>&1 &
alertmanager_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$alertmanager_port/-/ready" >/dev/null && break; sleep 0.5; done

TOKEN=$token PROMETHEUS_URL="http://127.0.0.1:$prometheus_port" ALERTMANAGER_URL="http://127.0.0.1:$alertmanager_port" \
  SRE_PORT_INCIDENTS=${PORTS[incidents]} SRE_PORT_AI=${PORTS[ai]} SRE_PORT_INGEST=${PORTS[ingest]} \
  node e2e/bench/rca/nezha.mjs

#!/usr/bin/env bash
# Starts Prometheus (scraping the six services) and Alertmanager (sending its alerts to ingest with
# the demo project's API key), so SRE Copilot watches itself. Called by up.sh after seeding.
set -euo pipefail
source "$(dirname "$0")/env.sh"
run_dir=$RUN_DIR prometheus_port=$PROMETHEUS_PORT alertmanager_port=$ALERTMANAGER_PORT
config=$run_dir/monitoring
mkdir -p "$config/prometheus-data" "$config/alertmanager-data"

{
  cat <<YAML
global:
  scrape_interval: 15s
  evaluation_interval: 15s
rule_files: [rules.yml]
alerting:
  alertmanagers:
    - static_configs: [{ targets: ['127.0.0.1:$alertmanager_port'] }]
scrape_configs:
  - job_name: sre-copilot
    metrics_path: /q/metrics
    static_configs:
YAML
  for name in "${SERVICES[@]}"; do
    echo "      - { targets: ['127.0.0.1:${PORTS[$name]}'], labels: { service: $name } }"
  done
} >"$config/prometheus.yml"
cp "$ROOT/deploy/local/rules.yml" "$config/rules.yml"

cat >"$config/alertmanager.yml" <<YAML
route:
  receiver: sre-copilot
  group_by: [alertname, service]
  group_wait: 10s
  group_interval: 1m
  repeat_interval: 4h
receivers:
  - name: sre-copilot
    webhook_configs:
      - url: http://127.0.0.1:${PORTS[ingest]}/api/v1/ingest/alertmanager
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials_file: $run_dir/demo-api-key
YAML

stop_process prometheus
stop_process alertmanager
nohup prometheus --config.file="$config/prometheus.yml" --storage.tsdb.path="$config/prometheus-data" \
  --web.listen-address="127.0.0.1:$prometheus_port" >"$run_dir/logs/prometheus.log" 2>&1 &
echo $! >"$run_dir/pids/prometheus.pid"
nohup prometheus-alertmanager --config.file="$config/alertmanager.yml" --storage.path="$config/alertmanager-data" \
  --web.listen-address="127.0.0.1:$alertmanager_port" --cluster.listen-address= >"$run_dir/logs/alertmanager.log" 2>&1 &
echo $! >"$run_dir/pids/alertmanager.pid"
echo "    Prometheus http://127.0.0.1:$prometheus_port, Alertmanager http://127.0.0.1:$alertmanager_port"

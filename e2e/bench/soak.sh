#!/usr/bin/env bash
# The soak of docs/reliability.md: the whole local stack (deploy/local/up.sh, every service) takes
# Alertmanager notifications at a constant rate — by default 500 a second of 10 alerts each, half
# the ingestion maximum measured by ingest-throughput.sh — for SECONDS (default 600) after a
# minute's warm-up, and soak.mjs reports latency, memory and consumer lag per minute.
#
#   e2e/bench/soak.sh [RATE=500] [SECONDS=600] [WINDOW=60]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../deploy/local/env.sh"
source "$here/team.sh"
rate=${1:-500} seconds=${2:-600} window=${3:-60}

register_team soak
key=$(create_ingest_key)
# The access token outlives the run: System health (consumer lag) is read with it every window.
node "$here/soak.mjs" "http://127.0.0.1:${PORTS[ingest]}" "http://127.0.0.1:${PORTS[audit]}" "$key" "$token" \
  "$RUN_DIR" "$rate" "$seconds" "$window"

#!/usr/bin/env bash
# Stops what up.sh started (services and their replicas, UI, Prometheus, Alertmanager). SRE_DROP_DB=1 also drops the database.
set -euo pipefail
source "$(dirname "$0")/env.sh"

for name in ui alertmanager prometheus "${SERVICES[@]}"; do
  stop_process "$name"
done
# Replicas added with up.sh --replica (ingest-2, …).
for pid_file in "$RUN_DIR"/pids/*.pid; do
  [[ -f $pid_file ]] && stop_process "$(basename "$pid_file" .pid)"
done
if [[ ${SRE_DROP_DB:-0} == 1 ]]; then
  dropdb --if-exists -h "$SRE_DB_HOST" -p "$SRE_DB_PORT" -U "$SRE_DB_USER" "$SRE_DB_NAME"
fi
rm -f "$RUN_DIR/stack.env"
echo "SRE Copilot stopped."

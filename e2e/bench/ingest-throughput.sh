#!/usr/bin/env bash
# Sustained Alertmanager webhook ingestion against a running stack (deploy/local/up.sh): wrk posts
# notifications of 10 new alerts each for DURATION seconds over CONNECTIONS connections; then the
# stored signals are counted (every acknowledged alert exactly once), and pgbench measures the raw
# PostgreSQL ceiling for the same rows (10 per INSERT, same table definition) with the same
# clients and duration in the same run. Prints alerts/s, latency percentiles and the ratio.
#
#   e2e/bench/ingest-throughput.sh [DURATION=60] [CONNECTIONS=32]
#
# WARMUP (seconds, default 10) runs the same load first, unmeasured: a freshly started JVM is
# still compiling its hot paths for a minute or more on two busy cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../deploy/local/env.sh"
source "$here/team.sh"
duration=${1:-60} connections=${2:-32} warmup=${WARMUP:-10}
ingest=http://127.0.0.1:${PORTS[ingest]}
db=(psql -h "$SRE_DB_HOST" -p "$SRE_DB_PORT" -U "$SRE_DB_USER" -d "$SRE_DB_NAME" -qtA)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -1)

register_team bench
key=$(create_ingest_key)

echo "warming up (${warmup} s)"
wrk -t2 -c"$connections" -d"${warmup}s" -s "$here/alertmanager-load.lua" "$ingest" -- "$key" 1000 "${run}w" >/dev/null
before=$("${db[@]}" -c "SELECT count(*) FROM ingest.signal WHERE project_id = '$project'")

echo "ingest: ${duration} s, $connections connections, 10 alerts per notification"
result=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency -s "$here/alertmanager-load.lua" "$ingest" -- "$key" 1000 "$run" | tee /dev/stderr | grep '^RESULT')
sleep 2
stored=$(( $("${db[@]}" -c "SELECT count(*) FROM ingest.signal WHERE project_id = '$project'") - before ))
distinct=$("${db[@]}" -c "SELECT count(DISTINCT fingerprint) FROM ingest.signal WHERE project_id = '$project' AND fingerprint LIKE '$run-%'")
eval "$(sed 's/^RESULT //' <<<"$result")"
alerts=$((acknowledged * 10))

echo "ceiling: pgbench, the same rows 10 per INSERT, $connections clients, ${duration} s"
"${db[@]}" -c "DROP SCHEMA IF EXISTS bench_ceiling CASCADE; CREATE SCHEMA bench_ceiling;
  CREATE TABLE bench_ceiling.signal (LIKE ingest.signal INCLUDING ALL);"
cat >"/tmp/$run.sql" <<SQL
\set n random(1, 2000000000)
INSERT INTO bench_ceiling.signal (id, tenant_id, project_id, alert_group_id, source, fingerprint, alertname, service,
  severity, status, starts_at, ends_at, labels, annotations, generator_url, correlation, received_at, updated_at)
SELECT gen_random_uuid(), '$project', '$project', '$project', 'alertmanager', :client_id || '-' || :n || '-' || i,
  'BenchAlert' || i, 'bench-' || (:n % 50), 'medium', 'firing', '2026-11-23T06:00:00Z', NULL,
  jsonb_build_object('alertname', 'BenchAlert' || i, 'service', 'bench-' || (:n % 50), 'severity', 'warning',
    'instance', '10.0.1.' || i || ':9100'),
  jsonb_build_object('summary', 'Bench alert ' || i || ' of notification ' || :n),
  'http://prometheus:9090/graph?g0.expr=up', '{"rule":"group-key","keys":{"groupKey":"bench"}}', now(), now()
FROM generate_series(1, 10) AS i
ON CONFLICT DO NOTHING;
SQL
ceiling=$(PGHOST=$SRE_DB_HOST PGPORT=$SRE_DB_PORT PGUSER=$SRE_DB_USER "$pgbench" -n -c "$connections" -j 2 \
  -T "$duration" -f "/tmp/$run.sql" "$SRE_DB_NAME" | awk '/^tps/ {print $3}')
"${db[@]}" -c "DROP SCHEMA bench_ceiling CASCADE"
rm -f "/tmp/$run.sql"

python3 - "$alerts" "$seconds" "$stored" "$distinct" "$refused" "$ceiling" "$p50_ms" "$p99_ms" <<'PY'
import sys
alerts, seconds, stored, distinct, refused, tps, p50, p99 = sys.argv[1:]
alerts, seconds, stored, distinct, tps = int(alerts), float(seconds), int(stored), int(distinct), float(tps)
rate, ceiling = alerts / seconds, tps * 10
print(f"ingest:  {rate:,.0f} alerts/s ({alerts} acknowledged alerts in {seconds:.1f} s, {refused} refused), "
      f"p50 {float(p50):.1f} ms, p99 {float(p99):.1f} ms")
print(f"stored:  {stored} new signals, {distinct} distinct fingerprints; acknowledged {alerts}; "
      f"stored minus acknowledged {stored - alerts} (notifications in flight when wrk stopped)")
print(f"ceiling: {ceiling:,.0f} rows/s with pgbench; ingest reaches {rate / ceiling:.0%} of it")
PY

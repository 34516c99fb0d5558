#!/usr/bin/env bash
# Stops and starts this machine's PostgreSQL and Redis for the fault tests (e2e FaultsIT), as an
# outage would: PostgreSQL stopped fast (connections cut), Redis shut down after writing its data
# to disk and started again from it, as a production Redis with persistence restarts. Needs the
# rights to run pg_ctlcluster and redis-server (root in CI).
#   infra.sh postgres-stop | postgres-start | redis-stop | redis-start
#   infra.sh postgres-max-connections N   (raises max_connections to N if lower, restarting PostgreSQL)
set -euo pipefail

REDIS_HOST=${SRE_FAULT_REDIS_HOST:-127.0.0.1}
REDIS_PORT=${SRE_FAULT_REDIS_PORT:-6379}
STATE=${TMPDIR:-/tmp}/sre-copilot-redis-fault

cluster() { ls /etc/postgresql | sort -V | tail -1; }

case "${1:-}" in
  postgres-stop)
    pg_ctlcluster --skip-systemctl-redirect "$(cluster)" main stop -m fast
    ;;
  postgres-start)
    pg_ctlcluster --skip-systemctl-redirect "$(cluster)" main start
    for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 0.5; done
    echo "PostgreSQL did not come back" >&2; exit 1
    ;;
  postgres-max-connections)
    wanted=${2:?how many connections}
    current=$(psql -h 127.0.0.1 -U postgres -d postgres -tAc 'SHOW max_connections')
    if [ "$current" -lt "$wanted" ]; then
      echo "raising PostgreSQL's max_connections from $current to $wanted"
      psql -h 127.0.0.1 -U postgres -d postgres -qc "ALTER SYSTEM SET max_connections = $wanted"
      pg_ctlcluster --skip-systemctl-redirect "$(cluster)" main restart
      for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 0.5; done
      echo "PostgreSQL did not come back" >&2; exit 1
    fi
    ;;
  redis-stop)
    dir=$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" --raw config get dir | sed -n 2p)
    file=$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" --raw config get dbfilename | sed -n 2p)
    printf '%s\n%s\n' "$dir" "$file" > "$STATE"
    redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" shutdown save >/dev/null 2>&1 || true
    for _ in $(seq 1 40); do redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1 || exit 0; sleep 0.25; done
    echo "Redis did not stop" >&2; exit 1
    ;;
  redis-start)
    dir=$(sed -n 1p "$STATE"); file=$(sed -n 2p "$STATE")
    # The flags .ci/run and deploy/local start it with, plus the snapshot written when it stopped.
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir "$dir" --dbfilename "$file" >/dev/null
    for _ in $(seq 1 40); do
      if redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
        rm -f "$dir/$file" "$STATE" # loaded: a later start must not bring these keys back
        exit 0
      fi
      sleep 0.25
    done
    echo "Redis did not come back" >&2; exit 1
    ;;
  *)
    echo "usage: $0 postgres-stop|postgres-start|postgres-max-connections N|redis-stop|redis-start" >&2; exit 2
    ;;
esac

#!/usr/bin/env bash
# Builds and starts SRE Copilot on this machine: the six services and the UI against PostgreSQL and
# Redis on 127.0.0.1, plus Prometheus and Alertmanager where Debian's packages are installed; seeds
# a demo tenant and prints the URL and the demo login. Stop it with deploy/local/down.sh.
#
#   --no-build       use the jars and UI already built
#   --no-ui          services only
#   --ui-preview     serve the built UI (vite preview) instead of the dev server
#   --no-seed        no demo tenant
#   --no-monitoring  no Prometheus or Alertmanager
#   --only=a,b       (re)start only these services of a running stack, e.g. after a crash
#   --replica=a,b    add a second replica of these services to a running stack (a-2, on the
#                    service's port + 100 or SRE_PORT_<A>_2), sharing the work with the first
set -euo pipefail

build=1 ui=dev seed=1 monitoring=1 only= replicas=
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    --no-ui) ui=none ;;
    --ui-preview) ui=preview ;;
    --no-seed) seed=0 ;;
    --no-monitoring) monitoring=0 ;;
    --only=*) only=${arg#--only=} ;;
    --replica=*) replicas=${arg#--replica=} ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

# A new stack takes its settings from this environment; --only and --replica those of the running one.
[[ -z $only && -z $replicas ]] && export SRE_STACK_ENV=ignore
source "$(dirname "$0")/env.sh"
[[ -z $only && -z $replicas ]] && remember_settings

ALL_SERVICES=("${SERVICES[@]}")
DB_SERVICES=(auth incidents ai ingest audit)
if [[ -n $only ]]; then
  IFS=, read -ra SERVICES <<<"$only"
  ui=none seed=0 monitoring=0
fi
# What to start, as service:instance:port; a replica's instance is the service's name with -2.
INSTANCES=()
if [[ -n $replicas ]]; then
  IFS=, read -ra SERVICES <<<"$replicas"
  ui=none seed=0 monitoring=0
  for name in "${SERVICES[@]}"; do
    [[ -n ${PORTS[$name]:-} ]] || { echo "unknown service $name" >&2; exit 2; }
    port_var=SRE_PORT_${name^^}_2
    INSTANCES+=("$name:$name-2:${!port_var:-$((PORTS[$name] + 100))}")
  done
else
  for name in "${SERVICES[@]}"; do INSTANCES+=("$name:$name:${PORTS[$name]}"); done
fi

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

require_tools() {
  have java || fail "Java 17 or newer is needed (Debian: apt-get install openjdk-17-jdk-headless)"
  have openssl || fail "openssl is needed to create the development signing key (apt-get install openssl)"
  have curl || fail "curl is needed (apt-get install curl)"
  if [[ $ui != none || $seed == 1 ]]; then
    have node && have npm || fail "Node.js 20.19+ and npm are needed for the UI and the demo seed (https://nodejs.org)"
  fi
}

ensure_postgres() {
  if ! pg_isready -q -h "$SRE_DB_HOST" -p "$SRE_DB_PORT" 2>/dev/null; then
    if have pg_ctlcluster && [[ -d /etc/postgresql ]]; then
      say "Starting PostgreSQL"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
      for _ in $(seq 1 30); do pg_isready -q -h "$SRE_DB_HOST" -p "$SRE_DB_PORT" && break; sleep 1; done
    fi
    pg_isready -q -h "$SRE_DB_HOST" -p "$SRE_DB_PORT" 2>/dev/null \
      || fail "PostgreSQL 15+ must listen on $SRE_DB_HOST:$SRE_DB_PORT (Debian: apt-get install postgresql)"
  fi
  if ! psql -h "$SRE_DB_HOST" -p "$SRE_DB_PORT" -U "$SRE_DB_USER" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$SRE_DB_NAME'" | grep -q 1; then
    say "Creating database $SRE_DB_NAME"
    createdb -h "$SRE_DB_HOST" -p "$SRE_DB_PORT" -U "$SRE_DB_USER" "$SRE_DB_NAME"
  fi
}

# Each service with a database signs in as its own role (sre_<service>), which owns its schema only.
ensure_database_roles() {
  local name
  for name in "${DB_SERVICES[@]}"; do
    [[ -f $RUN_DIR/keys/db-$name.password ]] || (umask 077 && openssl rand -hex 24 >"$RUN_DIR/keys/db-$name.password")
    PGOPTIONS='-c client_min_messages=warning' psql -q -X -v ON_ERROR_STOP=1 -h "$SRE_DB_HOST" -p "$SRE_DB_PORT" -U "$SRE_DB_USER" -d "$SRE_DB_NAME" \
      -v service="$name" -v password="$(cat "$RUN_DIR/keys/db-$name.password")" -v database="$SRE_DB_NAME" \
      -f "$ROOT/deploy/k8s/base/db-roles.sql" >/dev/null || fail "could not set up the database role of $name"
  done
}

# The database credentials of a service (none for realtime, which has no database).
database_credentials() {
  local name=$1
  if [[ -f $RUN_DIR/keys/db-$name.password ]]; then
    printf 'SRE_DB_USER=sre_%s\nSRE_DB_PASSWORD=%s\n' "$name" "$(cat "$RUN_DIR/keys/db-$name.password")"
  fi
}

ensure_redis() {
  local host_port=${SRE_REDIS_URL#redis://}
  host_port=${host_port%%/*}
  local host=${host_port%%:*} port=${host_port##*:}
  if ! redis-cli -h "$host" -p "$port" ping >/dev/null 2>&1; then
    if have redis-server; then
      say "Starting Redis"
      redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$port" --save "" --appendonly no >/dev/null
      for _ in $(seq 1 20); do redis-cli -h "$host" -p "$port" ping >/dev/null 2>&1 && break; sleep 0.5; done
    fi
    redis-cli -h "$host" -p "$port" ping >/dev/null 2>&1 || fail "Redis 7 must listen on $host:$port (Debian: apt-get install redis-server)"
  fi
}

ensure_keys() {
  mkdir -p "$RUN_DIR/keys" "$RUN_DIR/logs" "$RUN_DIR/pids"
  if [[ ! -f $RUN_DIR/keys/private.pem ]]; then
    say "Creating a development key pair for access tokens"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$RUN_DIR/keys/private.pem" 2>/dev/null
    openssl pkey -in "$RUN_DIR/keys/private.pem" -pubout -out "$RUN_DIR/keys/public.pem"
    chmod 600 "$RUN_DIR/keys/private.pem"
  fi
  # Each service's account at auth (client credentials), e.g. for checking API keys.
  for name in "${ALL_SERVICES[@]}"; do
    [[ -f $RUN_DIR/keys/$name.secret ]] || (umask 077 && openssl rand -hex 32 >"$RUN_DIR/keys/$name.secret")
  done
  # Seals secrets at rest (integration credentials); losing it makes them unreadable.
  [[ -f $RUN_DIR/keys/encryption.key ]] || (umask 077 && openssl rand -base64 32 >"$RUN_DIR/keys/encryption.key")
}

# auth learns every service's secret; each service its own.
service_secrets() {
  local name=$1
  if [[ $name == auth ]]; then
    for other in "${ALL_SERVICES[@]}"; do
      printf 'SRE_SERVICE_SECRET_%s=%s\n' "${other^^}" "$(cat "$RUN_DIR/keys/$other.secret")"
    done
  else
    printf 'SRE_SERVICE_SECRET=%s\n' "$(cat "$RUN_DIR/keys/$name.secret")"
  fi
}

build_all() {
  say "Building (about two minutes the first time)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
}

start_service() {
  local name=$1 instance=$2 port=$3
  local jar=$ROOT/$name/target/quarkus-app/quarkus-run.jar
  [[ -f $jar ]] || fail "$jar is missing: build first (run without --no-build)"
  stop_process "$instance"
  # The Secure flag would keep the refresh cookie off plain-http local origins; locally, webhook
  # receivers on this machine are fine (in production loopback targets are refused). The UI's
  # dev server proxies the API from this machine, as the Ingress does in a cluster.
  env $(service_secrets "$name") $(database_credentials "$name") SRE_HTTP_TRUSTED_PROXIES="${SRE_HTTP_TRUSTED_PROXIES:-127.0.0.1,::1}" SRE_AUTH_URL="http://127.0.0.1:${PORTS[auth]}" \
    SRE_INGEST_URL="http://127.0.0.1:${PORTS[ingest]}" SRE_INCIDENTS_URL="http://127.0.0.1:${PORTS[incidents]}" \
    SRE_AI_URL="http://127.0.0.1:${PORTS[ai]}" SRE_REALTIME_URL="http://127.0.0.1:${PORTS[realtime]}" \
    SRE_UI_URL="http://127.0.0.1:$UI_PORT" SRE_NOTIFICATIONS_ALLOW_LOOPBACK=true \
    SRE_INTEGRATIONS_ALLOW_LOOPBACK=true SRE_ENCRYPTION_KEY="$(cat "$RUN_DIR/keys/encryption.key")" \
    SRE_JWT_PUBLIC_KEY="$RUN_DIR/keys/public.pem" SRE_JWT_PRIVATE_KEY="$RUN_DIR/keys/private.pem" \
    SRE_AUTH_REFRESH_COOKIE_SECURE=false QUARKUS_HTTP_PORT="$port" \
    nohup java ${SRE_JAVA_OPTS:--Xms64m -Xmx384m -XX:TieredStopAtLevel=1} -jar "$jar" >"$RUN_DIR/logs/$instance.log" 2>&1 &
  echo $! >"$RUN_DIR/pids/$instance.pid"
}

await_ready() {
  local deadline=$((SECONDS + ${SRE_START_TIMEOUT:-120}))
  local entry name instance port
  for entry in "${INSTANCES[@]}"; do
    IFS=: read -r name instance port <<<"$entry"
    until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
      kill -0 "$(cat "$RUN_DIR/pids/$instance.pid")" 2>/dev/null || fail "$instance stopped; see $RUN_DIR/logs/$instance.log"
      ((SECONDS < deadline)) || fail "$instance is not ready; see $RUN_DIR/logs/$instance.log"
      sleep 0.5
    done
  done
}

service_urls() {
  export SRE_AUTH_URL=http://127.0.0.1:${PORTS[auth]} SRE_INCIDENTS_URL=http://127.0.0.1:${PORTS[incidents]}
  export SRE_AI_URL=http://127.0.0.1:${PORTS[ai]} SRE_INGEST_URL=http://127.0.0.1:${PORTS[ingest]}
  export SRE_REALTIME_URL=http://127.0.0.1:${PORTS[realtime]} SRE_AUDIT_URL=http://127.0.0.1:${PORTS[audit]}
}

start_ui() {
  stop_process ui
  [[ -d $ROOT/ui/node_modules ]] || (cd "$ROOT/ui" && npm ci --no-audit --no-fund >/dev/null)
  local command=(node node_modules/vite/bin/vite.js --port "$UI_PORT" --strictPort)
  [[ $ui == preview ]] && command=(node node_modules/vite/bin/vite.js preview --port "$UI_PORT" --strictPort)
  # exec: the recorded pid is Vite's own, so down.sh stops it and nothing holds this script's output.
  (cd "$ROOT/ui" && exec nohup "${command[@]}" >"$RUN_DIR/logs/ui.log" 2>&1) &
  echo $! >"$RUN_DIR/pids/ui.pid"
  for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$UI_PORT/" >/dev/null 2>&1 && return; sleep 0.5; done
  fail "the UI did not start; see $RUN_DIR/logs/ui.log"
}

start_monitoring() {
  have prometheus && have prometheus-alertmanager || return 0
  [[ -f $RUN_DIR/demo-api-key ]] || return 0
  say "Starting Prometheus and Alertmanager (alerts about SRE Copilot itself go to ingest)"
  "$ROOT/deploy/local/monitoring.sh"
}

require_tools
ensure_postgres
ensure_redis
ensure_keys
ensure_database_roles
((build)) && build_all
say "Starting $(for entry in "${INSTANCES[@]}"; do printf '%s ' "${entry#*:}"; done)"
for entry in "${INSTANCES[@]}"; do IFS=: read -r name instance port <<<"$entry"; start_service "$name" "$instance" "$port"; done
await_ready
service_urls
if ((seed)); then
  say "Seeding the demo tenant"
  SRE_RUN_DIR=$RUN_DIR node "$ROOT/deploy/local/seed.mjs"
fi
((monitoring)) && start_monitoring
[[ $ui != none ]] && start_ui

echo
say "SRE Copilot is running"
[[ $ui != none ]] && echo "    Open http://127.0.0.1:$UI_PORT"
((seed)) && echo "    Sign in as ${SRE_DEMO_EMAIL:-demo@sre-copilot.local} / ${SRE_DEMO_PASSWORD:-demo-password}"
echo "    Services: $(for entry in "${INSTANCES[@]}"; do IFS=: read -r name instance port <<<"$entry"; printf '%s :%s  ' "$instance" "$port"; done)"
echo "    Logs in $RUN_DIR/logs; stop with deploy/local/down.sh"

# Settings shared by up.sh and down.sh. Every value can be overridden from the environment,
# which is how the e2e suite runs a second stack on free ports beside a developer's own.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN_DIR=${SRE_RUN_DIR:-$ROOT/.run}
# A command acting on a running stack (up.sh --only or --replica, down.sh) takes the settings that
# stack was started with (its SRE_* environment, kept in $RUN_DIR/stack.env), unless given others:
# a replica on another database or with another partition count would quietly split the data.
if [[ ${SRE_STACK_ENV:-read} == read && -f $RUN_DIR/stack.env ]]; then
  while IFS= read -r line; do
    setting=${line%%=*}
    [[ -n ${!setting+x} ]] || eval "export $line"
  done <"$RUN_DIR/stack.env"
fi
SERVICES=(auth incidents ai ingest realtime audit)
declare -A PORTS=(
  [auth]=${SRE_PORT_AUTH:-8081} [incidents]=${SRE_PORT_INCIDENTS:-8082} [ai]=${SRE_PORT_AI:-8083}
  [ingest]=${SRE_PORT_INGEST:-8084} [realtime]=${SRE_PORT_REALTIME:-8085} [audit]=${SRE_PORT_AUDIT:-8086}
)
UI_PORT=${SRE_UI_PORT:-5173}
PROMETHEUS_PORT=${SRE_PROMETHEUS_PORT:-9090}
ALERTMANAGER_PORT=${SRE_ALERTMANAGER_PORT:-9093}
export SRE_DB_HOST=${SRE_DB_HOST:-127.0.0.1} SRE_DB_PORT=${SRE_DB_PORT:-5432} SRE_DB_USER=${SRE_DB_USER:-postgres}
export SRE_DB_NAME=${SRE_DB_NAME:-sre_copilot} SRE_REDIS_URL=${SRE_REDIS_URL:-redis://127.0.0.1:6379}

# Records the SRE_* settings of a stack being started, for the commands that act on it later.
remember_settings() {
  mkdir -p "$RUN_DIR"
  (umask 077 && for name in $(compgen -e | grep '^SRE_' | grep -v '^SRE_STACK_ENV$'); do
    printf '%s=%q\n' "$name" "${!name}"
  done >"$RUN_DIR/stack.env")
}

# Stops the process recorded in $RUN_DIR/pids/$1.pid, politely first.
stop_process() {
  local pid_file=$RUN_DIR/pids/$1.pid
  [[ -f $pid_file ]] || return 0
  local pid
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
}

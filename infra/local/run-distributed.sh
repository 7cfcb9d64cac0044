#!/usr/bin/env bash
# Runs Real distributed on this machine without Docker: the topology docker-compose.yml describes, on the local
# RabbitMQ + PostgreSQL that `make services-up` starts. It gives the topology a RabbitMQ virtual host and a database
# of its own, one RabbitMQ user per service (rights on that vhost only) and per rating tool (rights limited to the
# tool protocol, by infra/rabbitmq/create-tool-user.sh), an HTTP API key per tool, and starts the four service
# processes (`real service NAME`), each with a PID file and a log under the state directory, then waits for /health.
# `stop` stops exactly the processes whose PID files it wrote (and checks each PID still runs `real service NAME`).
#
# Usage: infra/local/run-distributed.sh start [SERVICE...]   start (all four by default) and wait until healthy
#        infra/local/run-distributed.sh stop [SERVICE...]    SIGTERM, then SIGKILL after 20 s
#        infra/local/run-distributed.sh kill SERVICE...      SIGKILL (fault drills: the broker redelivers its messages)
#        infra/local/run-distributed.sh status [--json]      PID, port and /health of each service
#        infra/local/run-distributed.sh env [SERVICE]        print the environment a service (or a tool) runs with
#        infra/local/run-distributed.sh clean                stop everything, drop the vhost, users and database
# Environment (all optional):
#   REAL_DISTRIBUTED_STATE  state directory (default .infra/distributed)
#   REAL_DISTRIBUTED_VHOST  RabbitMQ virtual host (default real)
#   REAL_DISTRIBUTED_DB     PostgreSQL database (default real_distributed), created with REAL_PG_ADMIN
#   REAL_DISTRIBUTED_PORT   first HTTP port (default 8081: rating-intake, proposals, aggregation, reporting = +0..+3)
#   REAL_DISTRIBUTED_TOOLS  rating tools to create credentials for (default "sample-tool")
#   REAL_DISTRIBUTED_TRACES 1 (default) writes every service's spans to STATE/traces.jsonl; 0 turns it off
#   REAL_BIN                how to run `real` (default: ./real, which builds once; e.g. "dotnet path/real.dll")
#   REAL_PG_ADMIN, REAL_RABBITMQ   the cluster and broker (default: .infra/services.env from make services-up)
#   REAL_RABBITMQCTL        rabbitmqctl command line (default rabbitmqctl; e.g. "rabbitmqctl -n rabbit2@host")
# Secrets (service passwords, tool passwords and API keys) are generated here, kept in STATE/secrets (mode 600),
# and passed to the processes through their environment; nothing secret is written to the repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
all_services=(rating-intake proposals aggregation reporting)
state="${REAL_DISTRIBUTED_STATE:-$root/.infra/distributed}"
vhost="${REAL_DISTRIBUTED_VHOST:-real}"
db="${REAL_DISTRIBUTED_DB:-real_distributed}"
port_base="${REAL_DISTRIBUTED_PORT:-8081}"
tools="${REAL_DISTRIBUTED_TOOLS:-sample-tool}"
traces="${REAL_DISTRIBUTED_TRACES:-1}"
read -r -a ctl <<<"${REAL_RABBITMQCTL:-rabbitmqctl}"
read -r -a real_bin <<<"${REAL_BIN:-$root/real}"

die() { echo "run-distributed: $*" >&2; exit 1; }

load_services_env() {
  if [[ -z "${REAL_PG_ADMIN:-}" || -z "${REAL_RABBITMQ:-}" ]]; then
    [[ -f "$root/.infra/services.env" ]] || "$root/infra/local/services-up.sh" >/dev/null
    # shellcheck disable=SC1091
    source "$root/.infra/services.env"
  fi
  [[ "$vhost" =~ ^[A-Za-z0-9_.-]+$ ]] || die "REAL_DISTRIBUTED_VHOST '$vhost': use letters, digits, '_', '.', '-'"
  [[ "$db" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "REAL_DISTRIBUTED_DB '$db': use lowercase letters, digits and '_'"
  pg_host="$(conn_value Host "$REAL_PG_ADMIN")"; pg_port="$(conn_value Port "$REAL_PG_ADMIN")"; pg_user="$(conn_value Username "$REAL_PG_ADMIN")"
  pg_host="${pg_host:-127.0.0.1}"; pg_port="${pg_port:-5432}"; pg_user="${pg_user:-postgres}"
  local hostport="${REAL_RABBITMQ#*@}"; hostport="${hostport%%/*}"
  rabbit_host="${hostport%%:*}"; rabbit_port="${hostport##*:}"
  [[ "$rabbit_port" =~ ^[0-9]+$ ]] || rabbit_port=5672
}

# Value of KEY in an Npgsql "Key=Value;..." connection string (case-insensitive key).
conn_value() { tr ';' '\n' <<<"$2" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print substr($0, index($0,"=")+1); exit}'; }

service_port() {
  local i
  for i in "${!all_services[@]}"; do [[ "${all_services[$i]}" == "$1" ]] && { echo $((port_base + i)); return; }; done
  die "unknown service '$1' (use: ${all_services[*]})"
}

secret() { # secret NAME -> a password kept in STATE/secrets/NAME (generated once)
  local file="$state/secrets/$1"
  if [[ ! -s "$file" ]]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32 >"$file")
  fi
  cat "$file"
}

psql_admin() { PGCONNECT_TIMEOUT=10 psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

prepare() {
  mkdir -p "$state/secrets" "$state/home" "$state/tools"
  chmod 700 "$state/secrets"
  # RabbitMQ: a vhost of our own; one user per service ("VHOST-SERVICE", so two topologies never share one) with rights
  # on that vhost only (no tags: no management access).
  "${ctl[@]}" -q list_vhosts | grep -qx -- "$vhost" || "${ctl[@]}" -q add_vhost "$vhost" >/dev/null
  # The operator's user (the one in REAL_RABBITMQ) may manage the vhost: `real errors`, operator requests.
  local admin="${REAL_RABBITMQ#*://}"; admin="${admin%%:*}"
  "${ctl[@]}" -q set_permissions -p "$vhost" "$admin" ".*" ".*" ".*" >/dev/null
  local name user
  for name in "${all_services[@]}"; do
    user="$vhost-$name"
    if "${ctl[@]}" -q list_users | awk '{print $1}' | grep -qx -- "$user"; then
      "${ctl[@]}" -q change_password "$user" "$(secret "$name.rabbitmq")" >/dev/null
    else
      "${ctl[@]}" -q add_user "$user" "$(secret "$name.rabbitmq")" >/dev/null
    fi
    "${ctl[@]}" -q set_user_tags "$user" >/dev/null
    "${ctl[@]}" -q set_permissions -p "$vhost" "$user" ".*" ".*" ".*" >/dev/null
  done
  # Rating tools: the protocol's narrow rights (publish as themselves, read their own queues) and an HTTP API key.
  local tool key
  for tool in $tools; do
    if [[ ! -s "$state/tools/$tool.uri" ]]; then
      (umask 077; REAL_TOOL_PASSWORD="$(secret "tool-$tool.rabbitmq")" REAL_RABBITMQ_HOST="$rabbit_host:$rabbit_port" \
        RABBITMQCTL="${ctl[*]}" "$root/infra/rabbitmq/create-tool-user.sh" "$tool" "$vhost" | tail -n 1 >"$state/tools/$tool.uri")
    fi
    key="$(secret "tool-$tool.apikey")"
    [[ "$key" == real_* ]] || { key="real_$key"; (umask 077; printf '%s' "$key" >"$state/secrets/tool-$tool.apikey"); }
  done
  # PostgreSQL: a database of our own (all services share it: one event store).
  psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 || psql_admin -c "CREATE DATABASE \"$db\"" >/dev/null
}

tool_keys() { # REAL_TOOL_KEYS for the intake: "tool=sha256:hex;..." (hashes only)
  local tool out=""
  for tool in $tools; do
    [[ -s "$state/secrets/tool-$tool.apikey" ]] || continue
    out+="$tool=sha256:$(printf '%s' "$(cat "$state/secrets/tool-$tool.apikey")" | sha256sum | cut -d' ' -f1);"
  done
  echo "${out%;}"
}

service_env() { # the environment of one service process, as NAME=VALUE lines
  local name="$1"
  echo "REAL_STORE=postgres"
  echo "REAL_PG=Host=$pg_host;Port=$pg_port;Username=$pg_user;Database=$db;Pooling=true;Maximum Pool Size=20"
  echo "REAL_TRANSPORT=rabbitmq"
  echo "REAL_RABBITMQ=amqp://$vhost-$name:$(secret "$name.rabbitmq")@$rabbit_host:$rabbit_port/$vhost"
  echo "REAL_HOME=$state/home/$name"
  echo "REAL_HTTP_PORT=$(service_port "$name")"
  echo "REAL_HTTP_ADDRESS=127.0.0.1"
  [[ "$traces" == 1 ]] && echo "REAL_TRACE_FILE=$state/traces.jsonl"
  [[ "$name" == rating-intake ]] && echo "REAL_TOOL_KEYS=$(tool_keys)"
  return 0
}

pid_of() { # the PID in NAME's PID file if that process is still `real service NAME`, else nothing
  local file="$state/$1.pid" pid
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file")"
  if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "service $1 "; then
    echo "$pid"
  fi
}

health() { curl -fsS --max-time 3 "http://127.0.0.1:$(service_port "$1")/health" 2>/dev/null; }

start_one() {
  local name="$1" pid port
  pid="$(pid_of "$name")"
  if [[ -n "$pid" ]]; then echo "$name: already running (pid $pid)"; return; fi
  port="$(service_port "$name")"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "$name: port $port is taken by another process (set REAL_DISTRIBUTED_PORT)"; fi
  mkdir -p "$state/home/$name"
  local -a envs=()
  mapfile -t envs < <(service_env "$name")
  # setsid: its own session, so a Ctrl+C in this shell does not reach it; stop/kill address it by PID.
  env "${envs[@]}" setsid "${real_bin[@]}" service "$name" --port "$port" >>"$state/$name.log" 2>&1 </dev/null &
  echo $! >"$state/$name.pid"
  echo "$name: started (pid $!, http://127.0.0.1:$port, log $state/$name.log)"
}

wait_healthy() {
  local name deadline=$((SECONDS + ${REAL_DISTRIBUTED_WAIT:-180}))
  for name in "$@"; do
    until health "$name" >/dev/null; do
      [[ -n "$(pid_of "$name")" ]] || { tail -n 20 "$state/$name.log" >&2; die "$name exited during start-up (log: $state/$name.log)"; }
      (( SECONDS < deadline )) || die "$name not healthy after ${REAL_DISTRIBUTED_WAIT:-180} s (log: $state/$name.log)"
      sleep 0.5
    done
    echo "$name: healthy"
  done
}

stop_one() {
  local name="$1" signal="${2:-TERM}" pid
  pid="$(pid_of "$name")"
  if [[ -z "$pid" ]]; then rm -f "$state/$name.pid"; echo "$name: not running"; return; fi
  kill "-$signal" "$pid"
  local deadline=$((SECONDS + 20))
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS >= deadline )); then kill -KILL "$pid"; fi
    sleep 0.2
  done
  rm -f "$state/$name.pid"
  echo "$name: stopped ($signal, pid $pid)"
}

status() {
  local name pid body json="${1:-}" first=1
  [[ "$json" == --json ]] && printf '{"services":['
  for name in "${all_services[@]}"; do
    pid="$(pid_of "$name")"; body="$(health "$name" || true)"
    if [[ "$json" == --json ]]; then
      (( first )) || printf ','; first=0
      printf '{"service":"%s","pid":%s,"port":%s,"health":%s}' "$name" "${pid:-null}" "$(service_port "$name")" "${body:-null}"
    else
      printf '%-14s pid %-8s port %-6s %s\n' "$name" "${pid:--}" "$(service_port "$name")" "${body:-not answering}"
    fi
  done
  [[ "$json" == --json ]] && printf ']}\n'
  return 0
}

command="${1:-}"; shift || true
case "$command" in
  start)
    load_services_env; mkdir -p "$state"; prepare
    names=("$@"); (( ${#names[@]} )) || names=("${all_services[@]}")
    [[ "${real_bin[0]}" == "$root/real" ]] && "$root/real" --help >/dev/null   # build once, before the clocks start
    for n in "${names[@]}"; do start_one "$n"; done
    wait_healthy "${names[@]}"
    ;;
  stop)
    names=("$@"); (( ${#names[@]} )) || names=("${all_services[@]}")
    for n in "${names[@]}"; do stop_one "$n" TERM; done
    ;;
  kill)
    (( $# )) || die "kill needs a service name (${all_services[*]})"
    for n in "$@"; do stop_one "$n" KILL; done
    ;;
  status)
    load_services_env; status "${1:-}"
    ;;
  env)
    load_services_env
    if [[ -n "${1:-}" && -s "$state/tools/$1.uri" ]]; then
      echo "REAL_TOOL_URI=$(cat "$state/tools/$1.uri")"; echo "REAL_TOOL_API_KEY=$(cat "$state/secrets/tool-$1.apikey")"
    else
      service_env "${1:-rating-intake}"
    fi
    ;;
  clean)
    load_services_env
    for n in "${all_services[@]}"; do stop_one "$n" TERM; done
    for n in "${all_services[@]}"; do "${ctl[@]}" -q delete_user "$vhost-$n" >/dev/null 2>&1 || true; done
    for t in $tools; do "${ctl[@]}" -q delete_user "$t" >/dev/null 2>&1 || true; done
    "${ctl[@]}" -q delete_vhost "$vhost" >/dev/null 2>&1 || true
    psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null
    rm -rf "$state"
    echo "removed vhost $vhost, database $db, users and $state"
    ;;
  *)
    sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 2
    ;;
esac

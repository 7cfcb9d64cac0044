#!/usr/bin/env bash
# Starts a local RabbitMQ and a throwaway PostgreSQL without Docker or systemd, and writes their connection
# settings to .infra/services.env (source it, or let the Makefile do so). Idempotent: services already started
# by this script are reused. Stop them with services-down.sh, which stops exactly what this script started.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="$root/.infra"
mkdir -p "$state"
"$root/infra/local/install-packages.sh" rabbitmq-server postgresql

# ---------- PostgreSQL: initdb + pg_ctl into a directory owned by the postgres user, on its own port ----------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port="${REAL_PG_PORT:-55432}"
if [[ -f "$state/postgres.port" ]]; then pg_port="$(cat "$state/postgres.port")"; fi
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pg_dir="$state/postgres"
if [[ -f "$state/postgres.started" ]] && "$pg_bin/pg_ctl" -D "$pg_dir/data" status >/dev/null 2>&1; then
  echo "postgres: already running on port $pg_port"
else
  # Another cluster (another checkout's) may hold the port: take the next free one.
  while port_in_use "$pg_port"; do pg_port=$((pg_port + 1)); done
  echo "$pg_port" >"$state/postgres.port"
  rm -rf "$pg_dir"; mkdir -p "$pg_dir"
  chown postgres:postgres "$pg_dir"
  chmod 755 "$state"
  # -A trust on loopback only: a throwaway cluster for tests, reachable from this machine alone.
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U real -A trust -E UTF8 --locale=C.UTF-8 >"$state/postgres-initdb.log" 2>&1
  cat >>"$pg_dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$pg_dir'
max_connections = 200
shared_buffers = 256MB
fsync = on
synchronous_commit = off
CONF
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start >/dev/null
  touch "$state/postgres.started"
  echo "postgres: started on port $pg_port"
fi
runuser -u postgres -- "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U real -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='real'" | grep -q 1 \
  || runuser -u postgres -- "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U real real

# ---------- RabbitMQ: rabbitmq-server -detached, then wait for port 5672 ----------
rabbit_port=5672
if rabbitmqctl -q status >/dev/null 2>&1; then
  echo "rabbitmq: already running"
else
  rabbitmq-server -detached
  touch "$state/rabbitmq.started"
  for _ in $(seq 1 120); do
    (exec 3<>/dev/tcp/127.0.0.1/$rabbit_port) 2>/dev/null && break
    sleep 0.5
  done
  rabbitmqctl -q await_startup --timeout 60 >/dev/null
  echo "rabbitmq: started on port $rabbit_port"
fi

cat >"$state/services.env" <<ENV
export REAL_PG='Host=127.0.0.1;Port=$pg_port;Username=real;Database=real;Pooling=true;Maximum Pool Size=50'
export REAL_PG_ADMIN='Host=127.0.0.1;Port=$pg_port;Username=real;Database=postgres'
export REAL_RABBITMQ='amqp://guest:guest@127.0.0.1:$rabbit_port/'
ENV
echo "settings: $state/services.env"
cat "$state/services.env"

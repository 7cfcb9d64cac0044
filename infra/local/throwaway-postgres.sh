#!/usr/bin/env bash
# A PostgreSQL cluster of its own for fault drills (restart it mid-run without touching the shared one of
# `make services-up`): initdb + pg_ctl into DIR (owned by the postgres user), on PORT, trust auth on loopback only.
# Usage: infra/local/throwaway-postgres.sh start DIR PORT     prints the REAL_PG_ADMIN connection string
#        infra/local/throwaway-postgres.sh stop DIR [MODE]    pg_ctl stop -m MODE (fast; immediate = crash)
#        infra/local/throwaway-postgres.sh restart DIR [DOWN_SECONDS] [MODE]   stop, stay down, start again
#        infra/local/throwaway-postgres.sh destroy DIR        stop and delete DIR
set -euo pipefail
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
command="${1:-}"; dir="${2:-}"
[[ -n "$dir" ]] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
ctl() { runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/data" "$@"; }
case "$command" in
  start)
    port="${3:?start needs DIR PORT}"
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
      mkdir -p "$dir"; chown postgres:postgres "$dir"; chmod 755 "$dir"
      runuser -u postgres -- "$pg_bin/initdb" -D "$dir/data" -U real -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
      cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 100
shared_buffers = 64MB
fsync = on
synchronous_commit = on
CONF
    fi
    ctl -l "$dir/server.log" -w -t 120 start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=real;Database=postgres"
    ;;
  stop)
    ctl -m "${3:-fast}" -w -t 60 stop >/dev/null
    ;;
  restart)
    ctl -m "${4:-fast}" -w -t 60 stop >/dev/null
    sleep "${3:-3}"
    ctl -l "$dir/server.log" -w -t 120 start >/dev/null
    ;;
  destroy)
    [[ -f "$dir/data/PG_VERSION" ]] && { ctl -m immediate -w -t 60 stop >/dev/null 2>&1 || true; }
    rm -rf "$dir"
    ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

#!/usr/bin/env bash
# Stops exactly what services-up.sh started (its PostgreSQL cluster via pg_ctl; RabbitMQ only if it started it).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="$root/.infra"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [[ -f "$state/postgres.started" ]]; then
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$state/postgres/data" -m fast -w stop >/dev/null 2>&1 && echo "postgres: stopped"
  rm -f "$state/postgres.started" "$state/postgres.port"
  rm -rf "$state/postgres"
fi
if [[ -f "$state/rabbitmq.started" ]]; then
  rabbitmqctl -q stop >/dev/null 2>&1 && echo "rabbitmq: stopped"
  rm -f "$state/rabbitmq.started"
fi
rm -f "$state/services.env"

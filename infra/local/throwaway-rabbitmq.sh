#!/usr/bin/env bash
# A second RabbitMQ node of its own for fault drills (restart the broker mid-run without touching the shared node of
# `make services-up`): its own node name, AMQP port, distribution port and data directory under DIR.
# Usage: infra/local/throwaway-rabbitmq.sh start DIR PORT      prints the node name (for rabbitmqctl -n) and its guest URI
#        infra/local/throwaway-rabbitmq.sh stop DIR
#        infra/local/throwaway-rabbitmq.sh restart DIR [DOWN_SECONDS]
#        infra/local/throwaway-rabbitmq.sh destroy DIR
# A node starts in ~7 s on an idle machine (over a minute on a busy one). guest may only connect from loopback.
set -euo pipefail
command="${1:-}"; dir="${2:-}"
[[ -n "$dir" ]] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
node_of() { cat "$dir/node"; }
start_node() {
  local port; port="$(cat "$dir/port")"
  env RABBITMQ_NODENAME="$(node_of)" RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT=$((port + 20000)) \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/pid" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" rabbitmq-server -detached
  # await_startup needs the node's Erlang VM up first.
  for _ in $(seq 1 600); do rabbitmqctl -n "$(node_of)" -q await_startup --timeout 300 >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "rabbitmq node $(node_of) did not start (log: $dir/log)" >&2; return 1
}
case "$command" in
  start)
    port="${3:?start needs DIR PORT}"
    mkdir -p "$dir"
    [[ -f "$dir/node" ]] || echo "realfault$port@localhost" >"$dir/node"
    echo "$port" >"$dir/port"
    echo '[].' >"$dir/enabled_plugins"
    chown -R rabbitmq:rabbitmq "$dir"
    start_node
    echo "$(node_of) amqp://guest:guest@127.0.0.1:$port/"
    ;;
  stop) rabbitmqctl -n "$(node_of)" -q stop >/dev/null ;;
  restart)
    rabbitmqctl -n "$(node_of)" -q stop >/dev/null
    sleep "${3:-3}"
    start_node
    ;;
  destroy)
    [[ -f "$dir/node" ]] && { rabbitmqctl -n "$(node_of)" -q stop >/dev/null 2>&1 || true; }
    rm -rf "$dir"
    ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

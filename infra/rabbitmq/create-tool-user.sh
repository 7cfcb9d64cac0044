#!/usr/bin/env bash
# Creates (or updates) the RabbitMQ user of one external rating tool, with permissions limited to what the
# rating-tool protocol needs (docs/rating-tool-protocol.md):
#   - publish SubmitRatings to exchange real.tools.submit, only with its own tool id as routing key;
#   - bind its own queues (real.tools.TOOL.*) to real.tools.tasks, and to real.tools.replies only with its own id;
#   - declare, read and delete only its own queues.
# Usage: infra/rabbitmq/create-tool-user.sh TOOL [VHOST]
#   TOOL   the tool id: 1-64 characters of a-z, 0-9, '_' and '-' (it is also the RabbitMQ user name)
#   VHOST  the virtual host (default "/")
# The password comes from $REAL_TOOL_PASSWORD, or is generated; the script prints the tool's AMQP URI once.
# Run it where rabbitmqctl can reach the broker (as root or the rabbitmq user). $RABBITMQCTL overrides the command
# (e.g. "rabbitmqctl -n rabbit2@host" for another node).
set -euo pipefail
tool="${1:-}"
vhost="${2:-/}"
if [[ ! "$tool" =~ ^[a-z0-9_-]{1,64}$ ]]; then
  echo "usage: $0 TOOL [VHOST]   (TOOL: 1-64 characters of a-z, 0-9, '_', '-')" >&2
  exit 2
fi
password="${REAL_TOOL_PASSWORD:-$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32)}"
read -r -a rabbitmqctl <<<"${RABBITMQCTL:-rabbitmqctl}"
ctl() { "${rabbitmqctl[@]}" --quiet "$@" >/dev/null; }

if "${rabbitmqctl[@]}" --quiet list_users | awk '{print $1}' | grep -qx -- "$tool"; then
  ctl change_password "$tool" "$password"
else
  ctl add_user "$tool" "$password"
fi
ctl set_user_tags "$tool"   # no management or admin rights
own="real\\.tools\\.${tool}\\."
ctl set_permissions -p "$vhost" "$tool" \
  "^${own}.*" \
  "^(real\\.tools\\.submit|${own}.*)\$" \
  "^(real\\.tools\\.tasks|real\\.tools\\.replies|${own}.*)\$"
# Topic permissions make RabbitMQ check routing keys: the tool can only publish as itself and only bind to its own replies.
ctl set_topic_permissions -p "$vhost" "$tool" real.tools.submit "^${tool}\$" "^\$"
ctl set_topic_permissions -p "$vhost" "$tool" real.tools.replies "^\$" "^${tool}\$"

host="${REAL_RABBITMQ_HOST:-127.0.0.1:5672}"
if [[ "$vhost" == "/" ]]; then path="%2F"; else path="$vhost"; fi
echo "amqp://${tool}:${password}@${host}/${path}"

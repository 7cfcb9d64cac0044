#!/usr/bin/env bash
# Runs every test assembly against local RabbitMQ + PostgreSQL (started here if not running, and stopped again
# if this script started them), then prints one line: "tests: N passed, N failed".
# Skipped tests count as failed unless their reason names a missing optional capability ("[optional: ...]").
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
config="${1:-Release}"
cd "$root"
started_here=0
if [[ ! -f .infra/services.env ]]; then started_here=1; fi
infra/local/services-up.sh || { echo "could not start local services"; echo "tests: 0 passed, 1 failed"; exit 1; }
# shellcheck disable=SC1091
source .infra/services.env
results="$root/TestResults"
rm -rf "$results"; mkdir -p "$results"
rc=0
# One assembly at a time, each with its own TRX file (parallel runs can overwrite each other's timestamped
# TRX names), and a hang guard so one stuck test cannot eat CI's whole time budget.
for project in $(find tests -name '*.Tests.csproj' | sort); do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  dotnet test "$project" -c "$config" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    --blame-hang-timeout 10m || rc=1
done
summary="$(python3 infra/ci/summarize-trx.py "$results")"
sum_rc=$?
if [[ $started_here == 1 ]]; then infra/local/services-down.sh >/dev/null; fi
echo "$summary"
if [[ $rc -ne 0 || $sum_rc -ne 0 ]]; then exit 1; fi

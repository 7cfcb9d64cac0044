#!/usr/bin/env bash
# Soak test of the distributed topology: runs the kill -9 fault test (tests/Real.EndToEnd.Tests/Distributed/
# DistributedFaultTests) TRIALS times with different seeds and more kills per trial than CI does, then the PostgreSQL
# and RabbitMQ restart drills, each against its own vhost, database and processes. Every trial checks that every
# rating of the ReaL-derived scenario is recorded exactly once and that the label set is bit-identical to the
# uninterrupted embedded run. Prints one JSON line per trial and a summary; exits non-zero when any trial failed.
# Usage: infra/local/soak.sh [TRIALS (default 10)] [KILLS per trial (default 4)]
# Needs the local services (make services-up); do not run two soaks at once.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
trials="${1:-10}"; kills="${2:-4}"
[[ -f .infra/services.env ]] || infra/local/services-up.sh >/dev/null
# shellcheck disable=SC1091
source .infra/services.env
out="$root/TestResults/soak"; mkdir -p "$out"
dotnet build tests/Real.EndToEnd.Tests -c Release --nologo -v quiet >"$out/build.log" 2>&1 || { echo "build failed: $out/build.log"; exit 1; }

passed=0; failed=0
run_trial() { # NAME FILTER [ENV...]
  local name="$1" filter="$2"; shift 2
  local start=$SECONDS rc
  env "$@" dotnet test tests/Real.EndToEnd.Tests -c Release --no-build --nologo \
    --filter "FullyQualifiedName~$filter" --logger "console;verbosity=detailed" --blame-hang-timeout 15m >"$out/$name.log" 2>&1
  rc=$?
  local seconds=$((SECONDS - start)) plan
  plan="$(grep -m1 -o 'seed [0-9]*: kills after batches[^"]*' "$out/$name.log" | tr -d '"' || true)"
  if [[ $rc == 0 ]] && grep -q "Test Run Successful" "$out/$name.log"; then
    passed=$((passed + 1)); echo "{\"trial\":\"$name\",\"result\":\"passed\",\"seconds\":$seconds,\"plan\":\"$plan\"}"
  else
    failed=$((failed + 1)); echo "{\"trial\":\"$name\",\"result\":\"failed\",\"seconds\":$seconds,\"plan\":\"$plan\",\"log\":\"$out/$name.log\"}"
  fi
}

for i in $(seq 1 "$trials"); do
  run_trial "kill9-seed-$i" "DistributedFaultTests.Kill_9_at_random_points" REAL_SOAK_SEED="$((1000 + i))" REAL_SOAK_KILLS="$kills"
done
run_trial "postgres-restart" "DistributedFaultTests.A_PostgreSQL_restart_mid_run"
run_trial "rabbitmq-restart" "DistributedFaultTests.A_RabbitMQ_restart_mid_run"
echo "soak: $((passed + failed)) trials, $passed passed, $failed failed (load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
[[ $failed == 0 ]]

#!/usr/bin/env bash
# Starts the packaged server the way the README says, on a fresh data folder, and checks that the
# demo district is loaded and the rankings answer. Bounded in time; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=web-api/target/assessment-server.jar
[ -f "$jar" ] || { echo "smoke: $jar is missing (run mvn package first)"; exit 1; }
data=$(mktemp -d)
source .ci/ports.sh
port=$(free_port)
log="$data/server.log"

# the first administrator's password, as outside scripts give it; the demo users come with the demo
export ASSESSMENT_ADMIN_PASSWORD="smoke-$(date +%s%N)"
java -jar "$jar" --server.port="$port" --assessment.data-dir="$data" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

started=$(date +%s)
until curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "smoke: the server exited"; tail -50 "$log"; exit 1; fi
  if [ $(( $(date +%s) - started )) -gt 120 ]; then echo "smoke: no answer after 120 s"; tail -50 "$log"; exit 1; fi
  sleep 1
done
echo "smoke: server ready in $(( $(date +%s) - started )) s on port $port"

# the API needs a user: anonymous is 401, the administrator and the demo evaluator get the rankings
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/rankings?period=2026")
[ "$status" = 401 ] || { echo "smoke: anonymous rankings answered $status, expected 401"; exit 1; }
curl -fsS -u "evaluator:demo2026" "http://127.0.0.1:$port/api/me" >/dev/null

# the rankings the README curls: the demo district is graded on first start
rankings=$(curl -fsS -u "admin:$ASSESSMENT_ADMIN_PASSWORD" "http://127.0.0.1:$port/api/rankings?period=2026")
count=$(printf '%s' "$rankings" | grep -o '"total" *: *[0-9]*' | grep -o '[0-9]*$' || echo 0)
echo "smoke: rankings of 2026 list $count organizations"
[ "$count" -ge 60 ] || { echo "smoke: expected the demo district (at least 60 organizations)"; exit 1; }

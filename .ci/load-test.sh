#!/usr/bin/env bash
# Load test (issue 5): starts the packaged server with the demo district on a fresh data folder and
# runs tools/load/LoadTest.java against it: 20 clients posting visits and reading rankings while an
# evaluation is always running, for LOAD_SECONDS (default 60). Builds nothing; loopback only;
# bounded in time; the server is killed on exit. Exits non-zero on any 5xx, transport error or
# acknowledged visit not stored.
#   LOAD_SECONDS (default 60), LOAD_CLIENTS (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."

jar=web-api/target/assessment-server.jar
[ -f "$jar" ] || { echo "load: $jar is missing (run mvn package first)"; exit 1; }
seconds=${LOAD_SECONDS:-60}
clients=${LOAD_CLIENTS:-20}
export ASSESSMENT_ADMIN_PASSWORD=${ASSESSMENT_ADMIN_PASSWORD:-load-$RANDOM$RANDOM$RANDOM}
data=$(mktemp -d)
log="$data/server.log"
source .ci/ports.sh
port=$(free_port)
base="http://127.0.0.1:$port"

# through the launcher, as a department would run it (its first start after a build records the archive)
web-api/bin/assessment-server --prepare
web-api/bin/assessment-server --server.port="$port" --assessment.data-dir="$data" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

started=$(date +%s)
seen=""
while :; do
  code=$(curl -sS -o /dev/null -w '%{http_code}' -u "admin:$ASSESSMENT_ADMIN_PASSWORD" "$base/actuator/health/readiness" \
    2>/dev/null || true)
  [ "$code" = 200 ] && break
  [ "$code" = 503 ] && seen=" (readiness answered 503 while the demo district loaded)"
  if ! kill -0 "$pid" 2>/dev/null; then echo "load: the server exited"; tail -50 "$log"; exit 1; fi
  if [ $(( $(date +%s) - started )) -gt 120 ]; then echo "load: not ready after 120 s"; tail -50 "$log"; exit 1; fi
  sleep 1
done
echo "load: server ready with the demo district in $(( $(date +%s) - started )) s on port $port$seen"

status=0
timeout $(( seconds + 420 )) java tools/load/LoadTest.java --base "$base" --user admin \
  --password "$ASSESSMENT_ADMIN_PASSWORD" --clients "$clients" --seconds "$seconds" || status=$?
if grep -q " ERROR " "$log"; then
  echo "load: the server logged errors:"; grep -m 10 " ERROR " "$log"
fi
[ "$status" = 0 ] || { echo "load: FAIL (exit $status)"; exit 1; }
echo "load: PASS"

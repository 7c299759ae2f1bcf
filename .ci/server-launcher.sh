#!/usr/bin/env bash
# issue 17, start-up: the server launcher (web-api/bin/assessment-server) started twice on a fresh data
# folder: the first start extracts the jar and records its classes in a training start; both map them, run
# the application context Spring AOT generated at build time and must answer. Prints both times to ready.
# Bounded in time; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f web-api/target/assessment-server.jar ] || { echo "launcher: the server jar is missing (run mvn package first)"; exit 1; }
rm -rf web-api/target/server web-api/target/server.jsa
data=$(mktemp -d)
export ASSESSMENT_ADMIN_PASSWORD="launcher-$(date +%s%N)"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$data"' EXIT

start() {
  local port=$1 log=$2 began
  began=$(date +%s%N)
  web-api/bin/assessment-server --server.port="$port" --assessment.data-dir="$data" >"$log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "launcher: the server exited"; tail -50 "$log"; exit 1; fi
    if [ $(( ($(date +%s%N) - began) / 1000000000 )) -gt 150 ]; then echo "launcher: no answer after 150 s"; tail -50 "$log"; exit 1; fi
    sleep 0.2
  done
  echo "launcher: ready in $(( ($(date +%s%N) - began) / 1000000 )) ms ($3)"
  curl -fsS -u "evaluator:demo2026" "http://127.0.0.1:$port/api/rankings?period=2026&size=1" | grep -q '"rank":1' \
    || { echo "launcher: no ranking"; exit 1; }
}

stop() {
  kill -TERM "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then echo "launcher: the server did not stop"; exit 1; fi
  pid=
}

port=$(shuf -i 20000-60000 -n 1)
start "$port" "$data/first.log" "first start, after the training start that records the classes"
stop
[ -s web-api/target/server.jsa ] || { echo "launcher: no class-data archive after the first start"; tail -20 "$data/first.log"; exit 1; }
start "$port" "$data/second.log" "second start, classes mapped from web-api/target/server.jsa"
stop
# the jar holds the application context generated at build time (process-aot): the launcher runs it
grep -q 'Starting AOT-processed' "$data/second.log" || { echo "launcher: the server did not start with Spring AOT"; exit 1; }
echo "launcher: ok"

#!/usr/bin/env bash
# issue 17, start-up: the server launcher (web-api/bin/assessment-server) started twice on a fresh data
# folder: the first start extracts the jar and records its classes in a training start; both map them, run
# the application context Spring AOT generated at build time and must answer. Prints both times to ready.
# Where the launcher picks a JDK 25 (tools/java-runtime.sh), a third start on the PATH's java (JDK 17)
# records and maps that runtime's class-data archive too. Bounded in time; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f web-api/target/assessment-server.jar ] || { echo "launcher: the server jar is missing (run mvn package first)"; exit 1; }
rm -rf web-api/target/server
rm -f web-api/target/server*.jsa web-api/target/server*.aot
source tools/java-runtime.sh
java_runtime
echo "launcher: runtime $java_cmd ($java_version)"
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
    if [ $(( ($(date +%s%N) - began) / 1000000000 )) -gt 400 ]; then echo "launcher: no answer after 400 s"; tail -50 "$log"; exit 1; fi
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

# the class data the launcher records for the runtime (tools/java-runtime.sh names it)
class_data() {
  java_class_data web-api/target/server
}

source .ci/ports.sh
port=$(free_port)
start "$port" "$data/first.log" "first start, after the training start that records the classes"
stop
[ -s "$(class_data)" ] || { echo "launcher: no $(class_data) after the first start"; tail -20 "$data/first.log"; exit 1; }
start "$port" "$data/second.log" "second start, classes mapped from $(class_data)"
stop
# the jar holds the application context generated at build time (process-aot): the launcher runs it
grep -q 'Starting AOT-processed' "$data/second.log" || { echo "launcher: the server did not start with Spring AOT"; exit 1; }
grep -q "using Java ${java_version%%+*}" "$data/second.log" \
  || { echo "launcher: the server did not run on $java_cmd ($java_version)"; grep -m1 'Starting' "$data/second.log"; exit 1; }
if ((java_feature >= 25)); then
  # the PATH's java, as on a machine without a JDK 25: its own archive, the same answers
  export ASSESSMENT_JAVA=java
  java_runtime
  start "$port" "$data/third.log" "on $java_cmd ($java_version): training start, then the start"
  stop
  [ -s "$(class_data)" ] || { echo "launcher: no $(class_data) after the start on $java_version"; exit 1; }
  grep -q "using Java ${java_version%%+*}" "$data/third.log" \
    || { echo "launcher: ASSESSMENT_JAVA=java did not start the server on $java_version"; grep -m1 'Starting' "$data/third.log"; exit 1; }
fi
echo "launcher: ok"

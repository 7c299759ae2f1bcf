#!/usr/bin/env bash
# Two instances on one database (issue 13): a throw-away PostgreSQL cluster (.ci/postgres.sh), the
# packaged server started twice through web-api/bin/assessment-server on two free loopback ports on the
# same new database (the first loads the demo district, the second starts once the first is ready), then
# tools/load/TwoInstanceTest.java:
# a session made on one used on the other, a user disabled on one refused on the other, one evaluation
# of a period at a time, CLIENTS clients over both for SECONDS while a rule set activated on one must be
# in force on the other within 5 s (four-eyes: the draft, stored by the administrator, is first approved
# after its impact notice by the demo district's evaluator, evaluator/demo2026), the second killed with kill -9 at 60 % of the load; afterwards every
# acknowledged write is read back through the first and the audit chain verifies. Here the acknowledged
# visits are also counted in the database itself with psql. Builds nothing; loopback only; bounded in
# time; everything it starts is stopped and removed on exit. Exits non-zero on any FAIL.
#   TWO_SECONDS (default 60), TWO_CLIENTS (default 20), TWO_PORT_FIRST (default: random free ports),
#   PG_PORT_FIRST (.ci/postgres.sh), TWO_LOGS (a directory to keep the servers' logs in)
set -euo pipefail
cd "$(dirname "$0")/.."

jar=web-api/target/assessment-server.jar
[ -f "$jar" ] || { echo "two-instances: $jar is missing (run mvn package first)"; exit 1; }
seconds=${TWO_SECONDS:-60}
clients=${TWO_CLIENTS:-20}
export ASSESSMENT_ADMIN_PASSWORD=${ASSESSMENT_ADMIN_PASSWORD:-two-$RANDOM$RANDOM$RANDOM}

work=$(mktemp -d)
cluster=$(mktemp -u /tmp/assessment-postgresql.XXXXXX)
pid_a=""
pid_b=""
cleanup() {
  [ -n "$pid_a" ] && kill -9 "$pid_a" 2>/dev/null || true
  [ -n "$pid_b" ] && kill -9 "$pid_b" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ -n "${TWO_LOGS:-}" ]; then mkdir -p "$TWO_LOGS" && cp "$work"/server-*.log "$TWO_LOGS"/ 2>/dev/null || true; fi
  bash .ci/postgres.sh stop "$cluster" || true
  rm -rf "$work"
}
trap cleanup EXIT

began=$(date +%s)
fail() { echo "FAIL two-instances: $*"; exit 1; }

bash .ci/postgres.sh start "$cluster" >/dev/null
database=$(bash .ci/postgres.sh createdb "$cluster" two_instances)

# TWO_PORT_FIRST: look for free ports from there up instead of at random (.ci/ports.sh)
source .ci/ports.sh
two_port() {
  [ -n "${TWO_PORT_FIRST:-}" ] || { free_port "$@"; return; }
  local p=$TWO_PORT_FIRST
  while [ "$p" = "${1:-}" ] || (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
port_a=$(two_port)
port_b=$(two_port "$port_a")

# start NAME PORT [ARGS...]: the packaged server on the shared database; sets pid_NAME; waits for readiness
start() {
  local name=$1 port=$2
  shift 2
  web-api/bin/assessment-server --server.port="$port" --assessment.data-dir="$work/data-$name" \
    --spring.datasource.url="$database" "$@" >"$work/server-$name.log" 2>&1 &
  local pid=$!
  printf -v "pid_$name" '%s' "$pid"
  local t0 code
  t0=$(date +%s)
  while :; do
    code=$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { tail -40 "$work/server-$name.log"; fail "server $name exited on start"; }
    [ $(( $(date +%s) - t0 )) -le 180 ] || { tail -40 "$work/server-$name.log"; fail "server $name not ready in 180 s"; }
    sleep 1
  done
  echo "two-instances: server $name ready in $(( $(date +%s) - t0 )) s on port $port (pid $pid)"
}

# both through the launcher, as a department would run them (prepared once here: two first starts at
# once would both extract the jar); A loads the demo district into the new database; B starts on it as it is
web-api/bin/assessment-server --prepare
start a "$port_a"
start b "$port_b" --assessment.demo=false

status=0
timeout $(( seconds + 300 )) java tools/load/TwoInstanceTest.java --a "http://127.0.0.1:$port_a" \
  --b "http://127.0.0.1:$port_b" --password "$ASSESSMENT_ADMIN_PASSWORD" --kill-pid "$pid_b" \
  --clients "$clients" --seconds "$seconds" --acknowledged "$work/acknowledged-visits.txt" \
  --log-a "$work/server-a.log" --log-b "$work/server-b.log" || status=$?

# the acknowledged visits, counted in the database itself (ids are letters, digits and dashes)
if [ -s "$work/acknowledged-visits.txt" ]; then
  acknowledged=$(wc -l <"$work/acknowledged-visits.txt" | tr -d ' ')
  ids=$(paste -sd, "$work/acknowledged-visits.txt")
  stored=$(bash .ci/postgres.sh psql "$cluster" two_instances \
    "select count(*) from visit where visit_id = any('{$ids}'::text[])")
  if [ "$stored" = "$acknowledged" ]; then
    echo "PASS acknowledged visits in the database: $stored of $acknowledged (psql)"
  else
    echo "FAIL acknowledged visits in the database: $stored of $acknowledged (psql)"
    status=1
  fi
fi

for name in a b; do
  if grep -q " ERROR " "$work/server-$name.log"; then
    echo "two-instances: server $name logged errors:"; grep -m 10 " ERROR " "$work/server-$name.log" | cut -c1-400
  fi
done
echo "two-instances: $(( $(date +%s) - began )) s in all"
[ "$status" = 0 ] || { echo "two-instances: FAIL"; exit 1; }
echo "two-instances: PASS"

#!/usr/bin/env bash
# Fault test (issue 5): the packaged server is killed with SIGKILL in the middle of importing a large
# synthetic bundle, and again in the middle of an evaluation; after each restart on the same data
# folder the database holds all of the import or none of it, and no part of the evaluation, with no
# manual repair. Then the same import and evaluation run to completion, and a visit the server has
# acknowledged is still there after a kill that follows the acknowledgement at once. Bounded in time;
# loopback only; every server it starts is killed on exit.
#   FAULT_ORGS (default 2000): organizations in the synthetic bundle (an import of 4–20 s here)
#   FAULT_JAVA_OPTS (default -XX:TieredStopAtLevel=1): the server's JVM options; C1 only halves the
#   four start-ups on 2 cores, which are most of the script's time (the kill and recovery are the same).
#   The server is started as a department would run it, through web-api/bin/assessment-server (the
#   extracted jar, its class-data archive and Spring AOT; prepared first when a build made them stale)
#   FAULT_KILL_AFTER (default 8): seconds into the import's write phase at which it is killed at the
#   latest; it is killed earlier, as soon as the database has grown by 1 MB of uncommitted rows
#   FAULT_DATABASE (default: none, the embedded H2 database in a new data folder): the JDBC URL of an
#   empty PostgreSQL database to run on instead (.ci/postgres.sh createdb prints one); its size is read
#   with psql, its contents through the API of the restarted server as on H2
set -euo pipefail
cd "$(dirname "$0")/.."

jar=web-api/target/assessment-server.jar
cli=engine/target/assessment-cli.jar
for f in "$jar" "$cli" fixtures/target/classes; do
  [ -e "$f" ] || { echo "fault: $f is missing (run mvn package first)"; exit 1; }
done
orgs=${FAULT_ORGS:-2000}
kill_after=${FAULT_KILL_AFTER:-8}
read -r -a java_opts <<<"${FAULT_JAVA_OPTS--XX:TieredStopAtLevel=1}"
export ASSESSMENT_ADMIN_PASSWORD=${ASSESSMENT_ADMIN_PASSWORD:-fault-$RANDOM$RANDOM$RANDOM}
auth=(-u "admin:$ASSESSMENT_ADMIN_PASSWORD")
database=${FAULT_DATABASE:-}
datasource=()
if [ -n "$database" ]; then
  case "$database" in jdbc:postgresql://*) ;; *) echo "fault: FAULT_DATABASE must be a jdbc:postgresql:// URL"; exit 1 ;; esac
  datasource=(--spring.datasource.url="$database")
  psql=$(ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1 || true)
  [ -x "$psql" ] || psql=$(command -v psql) || { echo "fault: no psql for $database"; exit 1; }
fi

work=$(mktemp -d)
data="$work/data"
bundle="$work/bundle.json"
pid=""
bg=""
log=""
cleanup() {
  [ -n "$bg" ] && kill "$bg" 2>/dev/null || true
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

began=$(date +%s)
elapsed() { echo "$(( $(date +%s) - began )) s"; }
fail() { echo "FAIL fault: $*"; [ -n "$log" ] && [ -f "$log" ] && tail -30 "$log"; exit 1; }
pass() { echo "PASS fault: $* ($(elapsed))"; }

source .ci/ports.sh
port=$(free_port)
base="http://127.0.0.1:$port"
web-api/bin/assessment-server --prepare

# start NAME: the packaged server on the data folder, demo off; waits for health (120 s at most)
start() {
  log="$work/server-$1.log"
  JAVA_OPTS="${java_opts[*]}" web-api/bin/assessment-server --server.port="$port" --assessment.data-dir="$data" \
    --assessment.demo=false ${datasource[@]+"${datasource[@]}"} >"$log" 2>&1 &
  pid=$!
  local t0
  t0=$(date +%s)
  until curl -fsS "${auth[@]}" "$base/actuator/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || fail "the server ($1) exited on start"
    [ $(( $(date +%s) - t0 )) -le 120 ] || fail "the server ($1) did not answer health within 120 s"
    sleep 0.5
  done
  ! grep -q " ERROR " "$log" || fail "the server ($1) logged errors on start"
  echo "fault: server ($1) healthy in $(( $(date +%s) - t0 )) s on port $port, no error in its log"
}

# wait_log TEXT SECONDS: until the server's log holds TEXT, while the request in the background runs
wait_log() {
  local t0
  t0=$(date +%s)
  until grep -q "$1" "$log"; do
    kill -0 "$bg" 2>/dev/null || fail "the request ended before the log said: $1"
    [ $(( $(date +%s) - t0 )) -le "$2" ] || fail "the log did not say within $2 s: $1"
    sleep 0.1
  done
}

# crash: SIGKILL the server, nothing flushed or closed
crash() {
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
  wait "$bg" 2>/dev/null || true
  bg=""
}

count() { curl -fsS "${auth[@]}" "$base$1" | { grep -o "$2" || true; } | wc -l | tr -d ' '; }
organizations() { count "/api/organizations?flat=true" '"code":"'; }
visits() { count "/api/visits?limit=10000" '"visitId":"'; }
evaluations() { count "/api/evaluations" '"inputsDigest":"'; }
rectifications() { curl -fsS "${auth[@]}" "$base/api/rectifications?size=1" | grep -o '"total":[0-9]*' | grep -o '[0-9]*$'; }
# dbsize: the database's size in KB (H2: its file; PostgreSQL: its files, uncommitted rows included)
dbsize() {
  if [ -n "$database" ]; then
    "$psql" -X -tA "${database#jdbc:}" -c "select pg_database_size(current_database()) / 1024"
  else
    du -k "$data/assessment.mv.db" | cut -f1
  fi
}

# db_counts: on PostgreSQL, the rows of every table an import writes, read from the database itself
db_counts() {
  [ -n "$database" ] || return 0
  local t
  for t in organization period_facts member_roll member_roll_ids visit finding; do
    printf '%s=%s ' "$t" "$("$psql" -X -tA "${database#jdbc:}" -c "select count(*) from $t")"
  done | sed 's/ $//'
}

java -cp "fixtures/target/classes:$cli" org.grassroots.assessment.fixtures.SyntheticBundleGenerator \
  generate --orgs "$orgs" --seed 7 --out "$bundle" >/dev/null
echo "fault: database ${database:-H2 in the data folder}"
echo "fault: bundle of $orgs organizations, $(( $(stat -c %s "$bundle") / 1048576 )) MB ($(elapsed))"

# 1. an import killed in the middle of writing
start first
before_kb=$(dbsize)
rows_before=$(db_counts)
curl -sS "${auth[@]}" -o "$work/import-1.json" -H 'Content-Type: application/json' \
  --data-binary @"$bundle" "$base/api/import" 2>"$work/import-1.err" &
bg=$!
# the import logs this line once the bundle is read and it starts writing (its remaining checks run beside the writes)
wait_log "bundle read in [0-9]* ms; writing" 60
echo "fault: the log says the import is writing: $(grep -o 'bundle read in .*' "$log" | head -c 160)"
writing=$(date +%s%N)
until [ $(( $(dbsize) - before_kb )) -ge 1024 ] || [ $(( ($(date +%s%N) - writing) / 1000000000 )) -ge "$kill_after" ]; do
  sleep 0.1
done
grep -q "imported by" "$log" && fail "the import finished before the kill (lower FAULT_KILL_AFTER or raise FAULT_ORGS)"
kill_kb=$(dbsize)
crash
grep -q "imported by" "$log" && fail "the import committed before the kill landed"
echo "fault: killed -9 $(( ($(date +%s%N) - writing) / 1000000 )) ms into the write phase, the import unfinished" \
  "(no 'imported by' in the log); database ${before_kb} KB before the import, ${kill_kb} KB at the kill;" \
  "the client saw: $(tr -d '\n' <"$work/import-1.err")"

start second
orgs_after_kill=$(organizations)
visits_after_kill=$(visits)
rows_after_kill=$(db_counts)
echo "fault: after the restart: $orgs_after_kill organizations, $visits_after_kill visits"

curl -fsS "${auth[@]}" -o "$work/import-2.json" --max-time 150 -H 'Content-Type: application/json' \
  --data-binary @"$bundle" "$base/api/import" || fail "the import after the restart failed: $(cat "$work/import-2.json" 2>/dev/null)"
expected_orgs=$(grep -o '"organizations":[0-9]*' "$work/import-2.json" | grep -o '[0-9]*$')
expected_visits=$(grep -o '"visits":[0-9]*' "$work/import-2.json" | grep -o '[0-9]*$')
[ "$expected_visits" -gt 10000 ] && expected_visits=10000  # what one page of /api/visits lists
case "$orgs_after_kill" in
  0|"$expected_orgs") pass "import killed mid-way left $orgs_after_kill of $expected_orgs organizations (none or all)" ;;
  *) fail "import killed mid-way left $orgs_after_kill of $expected_orgs organizations (a part)" ;;
esac
case "$visits_after_kill" in
  0|"$expected_visits") pass "import killed mid-way left $visits_after_kill of $expected_visits visits (none or all)" ;;
  *) fail "import killed mid-way left $visits_after_kill of $expected_visits visits (a part)" ;;
esac
[ "$(organizations)" = "$expected_orgs" ] && [ "$(visits)" = "$expected_visits" ] \
  || fail "the repeated import did not store the whole bundle"
pass "the repeated import stored all $expected_orgs organizations and the visits"
if [ -n "$database" ]; then
  rows_all=$(db_counts)
  case "$rows_after_kill" in
    "$rows_before"|"$rows_all") pass "in the database (psql) after the kill: ${rows_after_kill} (before the import: ${rows_before}; whole: ${rows_all})" ;;
    *) fail "in the database (psql) after the kill: ${rows_after_kill} is neither before the import (${rows_before}) nor whole (${rows_all})" ;;
  esac
fi

# 2. an evaluation killed after it stored its record and while it writes the ledger and results
evaluations_before=$(evaluations)
items_before=$(rectifications)
curl -sS "${auth[@]}" -o "$work/evaluation-1.json" -H 'Content-Type: application/json' \
  -d '{"period":"2026"}' "$base/api/evaluations" 2>"$work/evaluation-1.err" &
bg=$!
wait_log "evaluated; writing the ledger and the results" 90
crash
grep -Eq "evaluation #[0-9]+ of 2026 as of" "$log" && fail "the evaluation finished before the kill landed"
echo "fault: killed -9 when the log said: $(grep -o 'evaluation #[0-9]* of [^:]*: evaluated; writing.*' "$log")"

start third
[ "$(evaluations)" = "$evaluations_before" ] || fail "the killed evaluation left a record ($(evaluations), before $evaluations_before)"
[ "$(rectifications)" = "$items_before" ] || fail "the killed evaluation changed the ledger ($(rectifications) items, before $items_before)"
pass "evaluation killed mid-way left $evaluations_before evaluations and $items_before ledger items, as before it"
code=$(curl -sS "${auth[@]}" -o "$work/evaluation-2.json" -w '%{http_code}' --max-time 120 \
  -H 'Content-Type: application/json' -d '{"period":"2026"}' "$base/api/evaluations")
[ "$code" = 201 ] || fail "the evaluation after the restart answered $code: $(cat "$work/evaluation-2.json")"
[ "$(evaluations)" = "$(( evaluations_before + 1 ))" ] || fail "the evaluation after the restart was not stored"
pass "the evaluation after the restart stored $(grep -o '"id":[0-9]*' "$work/evaluation-2.json")"

# 3. a visit the server acknowledged (201), then killed at once: the visit is there after the restart
org=$(curl -fsS "${auth[@]}" "$base/api/organizations?flat=true" | grep -o '"code":"[^"]*"' | tail -1 | cut -d'"' -f4)
visit_id="FAULT-ACK-$RANDOM$RANDOM"
code=$(curl -sS "${auth[@]}" -o "$work/visit.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"visitId\":\"$visit_id\",\"orgCode\":\"$org\",\"date\":\"2026-06-15\",\"mode\":\"COVERT\",\"team\":\"故障测试组\",\"inspectors\":[\"测试员\"],\"findings\":[{\"item\":\"C01\"}]}" \
  "$base/api/visits")
[ "$code" = 201 ] || fail "the visit was not acknowledged ($code): $(cat "$work/visit.json")"
crash
start fourth
code=$(curl -sS "${auth[@]}" -o /dev/null -w '%{http_code}' "$base/api/visits/$visit_id")
[ "$code" = 200 ] || fail "the visit acknowledged (201) just before kill -9 was lost: GET answered $code after the restart"
pass "a visit acknowledged just before kill -9 was there after the restart"
echo "fault: all checks passed in $(elapsed)"

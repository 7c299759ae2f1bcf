#!/usr/bin/env bash
# The server's tests on PostgreSQL (issue 13), on a throw-away cluster (.ci/postgres.sh) removed at the end.
#   bash .ci/on-postgresql.sh [suite] [fault] [-- MAVEN ARGUMENTS]
#     suite: the web-api test suite but its browser and database-agnostic tests, each test server on its
#            own new database (DatabaseUnderTest); BROWSER_TOO=1 adds the browser tests
#     fault: the kill -9 fault test (.ci/fault-import.sh) on a new database; needs the packaged jars
#   Without parts, both. Maven arguments are added to the suite's command, e.g. -- -o -Dtest='VisitApiTest'.
# Runs as root (CI: the server runs as the postgres system user) or as a user who may run initdb.
set -euo pipefail
cd "$(dirname "$0")/.."

parts=()
maven=()
while [ $# -gt 0 ]; do
  case "$1" in
    suite|fault) parts+=("$1") ;;
    --) shift; maven=("$@"); break ;;
    *) echo "usage: $0 [suite] [fault] [-- MAVEN ARGUMENTS]" >&2; exit 2 ;;
  esac
  shift
done
[ ${#parts[@]} -gt 0 ] || parts=(suite fault)

cluster=$(mktemp -u /tmp/assessment-postgresql.XXXXXX)
trap 'bash .ci/postgres.sh stop "$cluster"' EXIT
server=$(bash .ci/postgres.sh start "$cluster")

for part in "${parts[@]}"; do
  began=$(date +%s)
  case "$part" in
    suite)
      # only web-api's tests touch the database; -am builds the modules it needs from this checkout.
      # The browser tests (tag "browser") run on H2 only: their pages read through the repositories
      # the API tests run here, and the SQL only pages send (the ranking table) has its own test.
      # BROWSER_TOO=1 runs them here as well. Classes tagged database-agnostic (DatabaseAgnostic: the code's
      # structure, the rule engine's run-time limits) check nothing a database could change: H2 only too.
      excluded=browser,database-agnostic
      [ "${BROWSER_TOO:-0}" = 1 ] && excluded=database-agnostic
      ASSESSMENT_TEST_DATABASE=$server mvn -B -ntp -pl web-api -am test \
        -Dtest='org/grassroots/assessment/server/**/*Test' -Dsurefire.failIfNoSpecifiedTests=false \
        -DexcludedGroups="$excluded" ${maven[@]+"${maven[@]}"}
      ;;
    fault)
      FAULT_DATABASE=$(bash .ci/postgres.sh createdb "$cluster" fault) bash .ci/fault-import.sh
      ;;
  esac
  echo "on-postgresql: $part passed in $(( $(date +%s) - began )) s"
done

#!/usr/bin/env bash
# The server benchmarks of issue 6, one command from the repository root after
# `mvn -q -B -ntp package -DskipTests`:
#
#   tools/bench/server-benchmark.sh            # 10,000 organizations, writes BENCHMARKS.md's server section
#   tools/bench/server-benchmark.sh --smoke    # 200 organizations, one run each, checkout left alone (CI)
#   tools/bench/server-benchmark.sh --only workbook --import-runs 2 --jvm-arg -Xmx1g --benchmarks-file /tmp/wb.md
#                                              # the Excel workbook import against JSON (issue 15)
#
# It builds nothing: it generates the seeded bundle when it is missing (fixtures' generator, cached in
# $BENCH_DIR, default ${TMPDIR:-/tmp}/assessment-bench), then ServerBenchmark.java starts the packaged
# server on temporary data folders and free loopback ports, times the HTTP path and stops every server
# it started. Other options go to the driver (--runs N, --import-runs N, --start-runs N, --latency N,
# --keep, --ports FROM-TO to keep the servers in a port range, --workbook FILE.xlsx to reuse an exported
# workbook; see tools/bench/ServerBenchmark.java). The servers run on the Java runtime the server
# launcher picks (tools/java-runtime.sh: a JDK 25 where one is installed; --java or ASSESSMENT_JAVA choose).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/java-runtime.sh
java_runtime

orgs=10000
for a in "$@"; do [ "$a" = --smoke ] && orgs=200; done
orgs=${BENCH_ORGS:-$orgs}

jar=web-api/target/assessment-server.jar
for f in "$jar" engine/target/assessment-cli.jar fixtures/target/classes; do
  [ -e "$f" ] || { echo "server-benchmark: $f is missing: run mvn -q -B -ntp package -DskipTests first" >&2; exit 1; }
done

dir=${BENCH_DIR:-${TMPDIR:-/tmp}/assessment-bench}
mkdir -p "$dir"
bundle="$dir/bundle-$orgs-seed42.json"
if [ ! -s "$bundle" ]; then
  java -cp fixtures/target/classes:engine/target/assessment-cli.jar \
    org.grassroots.assessment.fixtures.SyntheticBundleGenerator generate --orgs "$orgs" --seed 42 --out "$bundle.tmp"
  mv "$bundle.tmp" "$bundle"
fi

# one year of the district, for the workbook step (the same records as JSON and as the exported workbook)
year_bundle="$dir/bundle-$orgs-seed42-2026.json"
case " $* " in *workbook*)
  if [ ! -s "$year_bundle" ]; then
    java -cp fixtures/target/classes:engine/target/assessment-cli.jar \
      org.grassroots.assessment.fixtures.SyntheticBundleGenerator generate --orgs "$orgs" --seed 42 --years 2026 \
      --out "$year_bundle.tmp"
    mv "$year_bundle.tmp" "$year_bundle"
  fi
  set -- --year-bundle "$year_bundle" "$@";;
esac

exec java tools/bench/ServerBenchmark.java --jar "$jar" --bundle "$bundle" --java "$java_cmd" \
  --rules rules/src/main/resources/assessment-rules --benchmarks-file BENCHMARKS.md \
  --command "tools/bench/server-benchmark.sh${*:+ $*}" "$@"

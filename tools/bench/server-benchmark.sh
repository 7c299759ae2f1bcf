#!/usr/bin/env bash
# The server benchmarks of issue 6, one command from the repository root after
# `mvn -q -B -ntp package -DskipTests`:
#
#   tools/bench/server-benchmark.sh            # 10,000 organizations and a district of 100,000 in parts,
#                                              # writes BENCHMARKS.md's server section
#   tools/bench/server-benchmark.sh --smoke    # 200 organizations (district: 400), one run each, checkout left alone (CI)
#   tools/bench/server-benchmark.sh --only district   # the district step alone (BENCH_DISTRICT_ORGS, _PARTS)
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
command_line="tools/bench/server-benchmark.sh${*:+ $*}"
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

# generated FILE GENERATOR-ARGS...: the fixtures' seeded generator writes FILE once (kept for the next runs)
generated() {
  local file=$1
  shift
  [ ! -s "$file" ] || return 0
  java -cp fixtures/target/classes:engine/target/assessment-cli.jar \
    org.grassroots.assessment.fixtures.SyntheticBundleGenerator generate --seed 42 "$@" --out "$file.tmp"
  mv "$file.tmp" "$file"
}

bundle="$dir/bundle-$orgs-seed42.json"
generated "$bundle" --orgs "$orgs"

# one year of the district, for the workbook step (the same records as JSON and as the exported workbook)
year_bundle="$dir/bundle-$orgs-seed42-2026.json"
case " $* " in *workbook*)
  generated "$year_bundle" --orgs "$orgs" --years 2026
  set -- --year-bundle "$year_bundle" "$@";;
esac

# the district step (issue 17, a province on one machine): the generator's district of 100,000 organizations
# (400 in a smoke run) in 10 parts (2), the committees in the first, each part written once and cached;
# left out when --only names other steps only
district_orgs=100000 district_parts=10
for a in "$@"; do [ "$a" = --smoke ] && district_orgs=400 district_parts=2; done
district_orgs=${BENCH_DISTRICT_ORGS:-$district_orgs}
district_parts=${BENCH_DISTRICT_PARTS:-$district_parts}
want_district=1
case " $* " in *" --only "*) case " $* " in *district*) ;; *) want_district=0;; esac;; esac
if ((want_district)); then
  district="$dir/district-$district_orgs-seed42-in-$district_parts"
  mkdir -p "$district"
  for ((k = 1; k <= district_parts; k++)); do
    generated "$(printf '%s/part-%03d.json' "$district" "$k")" --orgs "$district_orgs" --part "$k/$district_parts"
  done
  set -- --district "$district" "$@"
fi

exec java tools/bench/ServerBenchmark.java --jar "$jar" --bundle "$bundle" --java "$java_cmd" \
  --rules rules/src/main/resources/assessment-rules --benchmarks-file BENCHMARKS.md \
  --command "$command_line" "$@"

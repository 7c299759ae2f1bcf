#!/usr/bin/env bash
# Issue 6, engine half: builds the engine, the fixtures and the benchmarks, then runs every figure
# and (re)writes the "Engine (issue 6)" section of BENCHMARKS.md. Run from anywhere:
#   bash benchmarks/run.sh            # 1k, 10k, 50k: tens of minutes on 2 cores
#   bash benchmarks/run.sh --smoke    # 200 organizations, seconds (CI); writes benchmarks/target/BENCHMARKS-smoke.md
# Bundles are generated into benchmarks/target/bundles and reused. Other options: see BenchmarkMain.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -ntp -q -pl benchmarks -am package -DskipTests
fi
exec java -jar benchmarks/target/benchmarks.jar "$@"

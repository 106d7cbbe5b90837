#!/bin/sh
# Times the advisor on generated catalogs of 60 optimizations (see bench/README.md).
# Usage: bench/advisor.sh [SEEDS] [RUNS]   (defaults: 10 catalogs, 11 timed runs each)
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile >&2
exec java -cp target/classes:target/test-classes dev.headroom.solve.AdvisorBench "$@"

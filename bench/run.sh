#!/bin/sh
# Times the risk estimate: 1,000,000 samples of a 10-service stack (see bench/README.md).
# Usage: bench/run.sh [WARMUPS [RUNS]]
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
CP=$(mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test 2>/dev/null \
  || mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java -cp "target/classes:target/test-classes:$CP" dev.headroom.solve.RiskBenchmark "$@"

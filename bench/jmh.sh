#!/bin/sh
# JMH benchmarks of the solver (matrix, Monte-Carlo, advisor) and of the compose loader; see
# bench/README.md. Arguments go to JMH: bench/jmh.sh Matrix, bench/jmh.sh -l, bench/jmh.sh -h.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
CP=$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java -cp "target/classes:target/test-classes:$CP" org.openjdk.jmh.Main -rf text -rff target/jmh.txt "$@"

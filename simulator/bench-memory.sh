#!/bin/sh
# Heap per simulated controller: starts 200 (or $1) controllers in one JVM and prints the figure.
set -e
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile -pl simulator
mvn -q -B -o dependency:build-classpath -pl simulator -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -Dbench.controllers="${1:-200}" \
  -cp "simulator/target/classes:simulator/target/test-classes:$(cat simulator/target/test-classpath.txt)" \
  dev.meshctl.simulator.MemoryBenchmark

#!/usr/bin/env bash
# Measures the Okta simulator's GET-by-id throughput with 10,000 stored users and concurrent
# clients on 127.0.0.1, and writes the report to target/benchmarks/simulator.md.
# Extra arguments go to the load generator: --users N --clients N --warmup SECONDS --duration SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmarks/classpath.txt -Dmdep.includeScope=test
report=target/benchmarks/simulator.md
java -Xms512m -Xmx1g \
  -cp "target/classes:target/test-classes:$(cat target/benchmarks/classpath.txt)" \
  io.oktaoperator.benchmark.SimulatorBenchmark --report "$report" "$@"
echo "Report written to $report"

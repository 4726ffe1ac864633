#!/bin/sh
# The whole-stack benchmark of issue 15 in one command (see docs/benchmarks.md):
#   benchmark/run.sh [--build] [--quick] [options]      (benchmark/run.sh --help lists them)
# Builds the gatehouse executable and the benchmark when either is missing (or with --build), then
# runs the simulator, serve nodes and PostgreSQL as child processes and prints a markdown report.
set -e
cd "$(dirname "$0")/.."
build=no
if [ "$1" = "--build" ]; then
  build=yes
  shift
fi
if [ "$build" = yes ] || [ ! -f bootstrap/target/gatehouse.jar ] || [ ! -f benchmark/target/gatehouse-benchmark.jar ]; then
  ./mvnw -B -q -pl bootstrap,benchmark -am package -DskipTests
fi
# The load generator holds a JDK HTTP client connection per waiting client (10,000 in capacity runs).
exec java -Xmx4g -XX:+ExitOnOutOfMemoryError -jar benchmark/target/gatehouse-benchmark.jar "$@"

#!/usr/bin/env bash
# Runs the ZeroMQ microbenchmarks: JMH (native backend vs JeroMQ, same run) and then the C reference
# programs of native/c for the same cases, and writes a Markdown summary with the ratios.
#
#   bench/run-micro.sh            short run (about 5 minutes): 1 s warm-up, 2 x 1 s measurement per case
#   bench/run-micro.sh --full     full run (about 20 minutes): 3 x 2 s warm-up, 5 x 2 s measurement
#   bench/run-micro.sh --include 'Throughput' --param size=16,65536 --out /tmp/micro
#
# Results: bench/target/micro/{jmh.json,c-results.json,summary.md} unless --out says otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/env.sh
native/c/build.sh
jar="$root/bench/target/stui-bench.jar"
if [ ! -f "$jar" ] || [ -n "$(find bench/src core/src bindings/src -newer "$jar" -name '*.java' -print -quit 2>/dev/null)" ]; then
  ./mvnw -q -B -pl bench -am install -DskipTests
fi
exec java --enable-native-access=ALL-UNNAMED -jar "$jar" micro "$@"

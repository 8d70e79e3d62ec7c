#!/usr/bin/env bash
# Runs the ZeroMQ microbenchmarks: for every case (pattern, transport, size) the C reference program of
# native/c and the JMH benchmarks of both backends (native, JeroMQ) right after each other, repeated
# (C first in odd repeats, JMH first in even ones), and writes a Markdown summary of medians and ratios.
#
#   bench/run-micro.sh                 short run (7-8 minutes): 3 repeats; JMH 1 x 0.5 s warm-up, 1 x 1 s measurement
#   bench/run-micro.sh --full          full run (about 30 minutes): 5 repeats; JMH 2 x 1 s warm-up, 3 x 1 s measurement
#   bench/run-micro.sh --include RoundTrip --param pattern=REQ_REP --param transport=tcp --param size=65536 --repeats 5
#   bench/run-micro.sh --summary-only  rewrite summary.md from the JSON files of the last run
#   bench/run-micro.sh --keep-cpus-awake   a nice-19 busy loop per CPU during the run (idle vCPUs of a VM
#                                          halt and make round trips 2-5x slower; see docs/perf/2026-11-27-micro.md)
#
# Results: bench/target/micro/{jmh.json,c-results.json,summary.md} and runs/*.json (one JMH file per case
# and repeat) unless --out says otherwise; the files are rewritten after every repeat.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/env.sh
native/c/build.sh
jar="$root/bench/target/stui-bench.jar"
if [ ! -f "$jar" ] || [ -n "$(find bench/src core/zmq/src core/protocol/src bindings/src -newer "$jar" -name '*.java' -print -quit 2>/dev/null)" ]; then
  ./mvnw -q -B -pl bench -am install -DskipTests
fi
exec java --enable-native-access=ALL-UNNAMED -jar "$jar" micro "$@"

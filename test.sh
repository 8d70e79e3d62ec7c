#!/usr/bin/env bash
# Runs every test of every module against the real libzmq (installed here if missing).
# A native test that was skipped because libzmq could not be loaded counts as a failure. Then a separate
# consumer project (examples/consumer) is built against the installed stui-zmq and run.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/env.sh
native/install-libzmq.sh
./mvnw -B install "$@"
# A separate project depending only on io.stui:stui-zmq, built offline against what install just put in
# the local repository: module path and class path, both backends, no Jackson, no JVM warnings.
examples/consumer/run.sh

skipped=$(grep -l -E '<skipped[^>]*(libzmq|native backend)' */target/surefire-reports/*.xml core/*/target/surefire-reports/*.xml 2>/dev/null || true)
if [ -n "$skipped" ]; then
  echo "FAILED: native tests were skipped because libzmq could not be loaded:" >&2
  echo "$skipped" >&2
  exit 1
fi

# The fuzz targets (Jazzer) replay their committed inputs: every finding so far, plus seeds. Fuzzing
# itself finds new inputs at random, so it runs outside the suite: bench/fuzz.sh [ROUNDS].
bench/fuzz.sh --replay

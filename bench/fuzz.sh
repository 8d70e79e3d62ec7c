#!/usr/bin/env bash
# Fuzzes the readers of untrusted input with Jazzer: the request decoder, Smalltalk source, workspace
# snapshots and configuration files. Each target runs for 5 s per round (its @FuzzTest maxDuration),
# one JVM per target, continuing from the corpus it built before (<module>/.cifuzz-corpus/).
#   bench/fuzz.sh --replay only the committed inputs, no fuzzing: deterministic (what ./test.sh runs)
#   bench/fuzz.sh          one round of fuzzing (about 2 minutes in all)
#   bench/fuzz.sh 60       60 rounds, about 5 minutes per target
# A finding fails the run; Jazzer writes the input under the test's ...Inputs/ resource directory, where
# it is replayed from then on: fix the code, give the file a name that says what it is, commit it.
# Needs the modules installed first (./mvnw install).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [ "${1:-}" = "--replay" ]; then
  # regression mode: every target replays its ...Inputs/ directory, one JVM per module
  for target in "core/protocol RequestDecoderFuzzTest" "smalltalk SourceAndSnapshotFuzzTest" "server ConfigFileFuzzTest"; do
    read -r module test <<<"$target"
    echo "fuzz inputs replayed: $module $test"
    ./mvnw -o -q -B surefire:test -pl "$module" -Dtest="$test" -Dsurefire.excludedGroups= \
      -Dsurefire.failIfNoSpecifiedTests=false
  done
  exit 0
fi
rounds="${1:-1}"
targets=(
  "core/protocol RequestDecoderFuzzTest#anyFrameGetsOneBoundedAnswer"
  "core/protocol RequestDecoderFuzzTest#requestShapedFramesGetOneBoundedAnswer"
  "smalltalk SourceAndSnapshotFuzzTest#sourceParsesOrNamesWhereItIsWrong"
  "smalltalk SourceAndSnapshotFuzzTest#snapshotRestoresOrIsRefused"
  "server ConfigFileFuzzTest#jsonFileLoadsOrSaysWhatToFix"
  "server ConfigFileFuzzTest#propertiesFileLoadsOrSaysWhatToFix"
)
for ((round = 1; round <= rounds; round++)); do
  for target in "${targets[@]}"; do
    read -r module test <<<"$target"
    echo "fuzz round $round/$rounds: $module $test"
    JAZZER_FUZZ=1 ./mvnw -o -q -B surefire:test -pl "$module" -Dtest="$test" -Dsurefire.excludedGroups= \
      -Dsurefire.failIfNoSpecifiedTests=false
  done
done
echo "fuzzing: ${#targets[@]} targets x $rounds round(s), no finding"

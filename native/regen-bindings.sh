#!/usr/bin/env bash
# Regenerates the Panama bindings in bindings/src/main/java/io/stui/zmq/bindings from zmq.h:
# runs clang (JSON AST + macro dump) and the generator io.stui.nativegen.Main, built from native/.
#
#   native/regen-bindings.sh            # from the repository root (or anywhere: it finds the root)
#   ZMQ_HEADER=/opt/zmq/include/zmq.h CLANG=clang-14 native/regen-bindings.sh
#
# The freshness test in native/ (BindingsFreshnessTest) fails until the committed files match this output.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=../scripts/env.sh
source scripts/env.sh

HEADER="${ZMQ_HEADER:-/usr/include/zmq.h}"
CLANG="${CLANG:-clang}"

if ! command -v "$CLANG" >/dev/null 2>&1; then
  echo "clang ($CLANG) is not installed: install it (Debian: apt-get install clang) or set CLANG=/path/to/clang." >&2
  exit 1
fi
if [ ! -f "$HEADER" ]; then
  echo "zmq.h not found at $HEADER: run native/install-libzmq.sh (libzmq3-dev) or set ZMQ_HEADER." >&2
  exit 1
fi

echo "Building the generator (./mvnw -pl native package)..."
./mvnw -q -pl native package -DskipTests

"$JAVA_HOME/bin/java" -cp "native/target/classes:native/target/lib/*" io.stui.nativegen.Main \
  --header "$HEADER" --clang "$CLANG" --output bindings/src/main/java

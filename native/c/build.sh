#!/usr/bin/env bash
# Builds the C reference programs (libzmq used directly) into native/c/build/ with gcc.
# Idempotent: a program is recompiled only when its source or the shared header is newer.
# Usage: native/c/build.sh [--force]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build"
CC="${CC:-gcc}"
CFLAGS="${CFLAGS:--O2 -Wall -Wextra -std=gnu11}"
force=0
[ "${1:-}" = "--force" ] && force=1

if ! command -v "$CC" >/dev/null 2>&1; then
  echo "gcc not found: install it (Debian: apt-get install gcc) or set CC to a C compiler." >&2
  exit 1
fi
if ! echo '#include <zmq.h>' | "$CC" -E -x c - >/dev/null 2>&1; then
  echo "zmq.h not found: install libzmq's headers (Debian: apt-get install libzmq3-dev, or run native/install-libzmq.sh)." >&2
  exit 1
fi

mkdir -p "$out"
for src in "$here"/stui_*.c; do
  name="$(basename "$src" .c)"
  bin="$out/$name"
  if [ "$force" = 0 ] && [ -x "$bin" ] && [ "$bin" -nt "$src" ] && [ "$bin" -nt "$here/bench_common.h" ]; then
    continue
  fi
  "$CC" $CFLAGS -o "$bin" "$src" -lzmq -lpthread
  echo "built $bin" >&2
done

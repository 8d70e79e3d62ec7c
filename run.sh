#!/usr/bin/env bash
# The main job: installs libzmq if it is missing, builds, then runs the demo: a STUI server with the
# embedded Smalltalk on a free loopback port and a client session against it over real ZeroMQ.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/env.sh
native/install-libzmq.sh || echo "libzmq unavailable: the demo will use the JeroMQ backend." >&2
./mvnw -q -B install -DskipTests
exec ./stui demo "$@"

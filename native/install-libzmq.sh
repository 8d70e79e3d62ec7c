#!/usr/bin/env bash
# Makes libzmq 4.3.x (runtime library and zmq.h) available, idempotently.
# Installs Debian's libzmq3-dev when it is missing and we may install packages (root, apt-get);
# otherwise says exactly what is missing and exits 1. Downloads nothing else.
set -euo pipefail

have_libzmq() {
  ldconfig -p 2>/dev/null | grep -q 'libzmq\.so\.5' && [ -f /usr/include/zmq.h ]
}

if have_libzmq; then
  exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "libzmq not found: installing Debian's libzmq3-dev (libzmq 4.3.x)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  # The package lists may be empty on a fresh machine; refresh them once if the package is unknown.
  if ! apt-cache show libzmq3-dev >/dev/null 2>&1; then apt-get update -qq; fi
  apt-get install -y -qq libzmq3-dev >/dev/null
  have_libzmq && exit 0
fi

cat >&2 <<'MSG'
libzmq 4.3.x is missing (need libzmq.so.5 and /usr/include/zmq.h) and this script cannot install it.
Install it as root with:  apt-get install libzmq3-dev
(The JeroMQ backend still works without it: run with STUI_ZMQ_BACKEND=jeromq.)
MSG
exit 1

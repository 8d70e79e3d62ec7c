#!/usr/bin/env bash
# Builds the JDK 25 AOT cache of `stui serve` (JEP 483/514/515: its classes loaded and linked, and method
# profiles): a training server records what it loads while it starts and answers a ping and a few
# evaluations, then the cache is assembled from that record. The `stui` launcher runs this in the
# background after the first `serve` of a new build; by hand: scripts/train-serve-cache.sh [CACHE].
# The training server has a store of its own in a temporary directory, a port the system picks, and
# none of the STUI_* settings of the caller (a token file or CURVE keys would only get in the way).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/env.sh" >/dev/null
jar="$root/server/target/stui.jar"
cache="${1:-$root/server/target/aot/serve.aot}"
mkdir -p "$(dirname "$cache")"
# one training at a time: a second `serve` started meanwhile leaves it to the first
exec 9>"$cache.lock"
flock -n 9 || exit 0
for v in $(compgen -e | grep '^STUI_' || true); do unset "$v"; done
work=$(mktemp -d)
conf="$cache.$$.conf"
# serve's profile as the launcher gives it with the cache
mapfile -t opts < <(serve_opts_for_aot "$root")
opts+=(-Xlog:aot=off -Xlog:cds=off --enable-native-access=ALL-UNNAMED)
trap 'kill "$pid" 2>/dev/null; rm -rf "$work" "$conf" "$cache.$$.tmp"' EXIT
java "${opts[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$conf" -jar "$jar" serve \
  --endpoint 'tcp://127.0.0.1:*' --store "$work/train.db" >"$work/out" 2>&1 &
pid=$!
endpoint=""
for _ in $(seq 600); do # at most 60 s to start, on the slowest machine
  endpoint=$(sed -n 's/^stui server .* listening on \(tcp:[^ ]*\).*/\1/p' "$work/out")
  if [ -n "$endpoint" ] || ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.1 # waiting on another process's output: nothing to synchronise on
done
if [ -z "$endpoint" ]; then
  echo "stui: the training server did not start:" >&2; cat "$work/out" >&2; exit 1
fi
# what a server does in its first seconds: a ping, evaluations (the compiler and interpreter), a session;
# the clients run without their own caches (STUI_AOT=off), so that they never record the client cache:
# one recorded from `call` alone made every later `stui eval` 40% slower (545 against 379 ms median)
export STUI_AOT=off
"$root/stui" call -e "$endpoint" ping >/dev/null &&
  "$root/stui" eval -e "$endpoint" '3 + 4' >/dev/null &&
  "$root/stui" eval -e "$endpoint" '(1 to: 100) inject: 0 into: [:a :b | a + b]' >/dev/null &&
  "$root/stui" eval -e "$endpoint" "(OrderedCollection new add: 'abc' reversed; yourself) printString" >/dev/null &&
  "$root/stui" call -e "$endpoint" create_session client_id=stui-training >/dev/null
rc=$?
kill -TERM "$pid" # the recording is written as the JVM exits
wait "$pid"
if [ "$rc" != 0 ] || [ ! -s "$conf" ]; then
  echo "stui: training the serve cache failed (exit $rc):" >&2; cat "$work/out" >&2; exit 1
fi
java "${opts[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$conf" -XX:AOTCache="$cache.$$.tmp" -jar "$jar" &&
  mv -f "$cache.$$.tmp" "$cache"

#!/usr/bin/env bash
# Resident memory of `stui serve` (its JVM profile, server/serve.jvm-options) before and after memory bombs and
# deeply nested sources, sampled every 5 s for a minute after the last one (issue #16: back under 120 MiB within
# a minute). Run once by hand: ./scripts/measure-rss-return.sh > docs/perf/<date>-rss-return.log
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/env.sh" >/dev/null
jar="$root/server/target/stui.jar"
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
endpoint="tcp://127.0.0.1:$port"
java @"$root/server/serve.jvm-options" --enable-native-access=ALL-UNNAMED -jar "$jar" serve \
  --endpoint "$endpoint" --store "$dir/stui.db" >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
client() { java -Xmx64m --enable-native-access=ALL-UNNAMED -jar "$jar" "$@" --endpoint "$endpoint" --timeout-ms 30000 --tries 1; }
rss() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status"; }
t0=$(date +%s)
say() { printf '%4ss  rss_mib=%-6s %s\n' "$(($(date +%s) - t0))" "$(rss)" "$*"; }
until client call ping >/dev/null 2>&1; do sleep 0.5; done
say "started (java $(java -version 2>&1 | head -1 | cut -d'"' -f2))"
client call evaluate code='(1 to: 1000) inject: 0 into: [:a :b | a + b]' >/dev/null
say "after a first evaluation"
bomb() { local out; out="$(client call evaluate code="$1" 2>&1 | tr -d '\n' | cut -c1-110 || true)"; say "bomb: ${1:0:60} -> $out"; }
bomb '((1 to: 3) collect: [:i | ByteArray new: 60000000]) size'
bomb '| o | o := OrderedCollection new. [o add: (ByteArray new: 1000000)] repeat'
bomb '| o | o := OrderedCollection new. [o add: (Array new: 100000)] repeat'
python3 -c "print('1' + ' + 1' * 30000)" >"$dir/chain.st"
bomb "$(cat "$dir/chain.st")"
bomb '| f | f := nil. f := [:n | n = 0 ifTrue: [0] ifFalse: [1 + (f value: n - 1)]]. f value: 1000000'
for i in $(seq 1 12); do sleep 5; say "idle"; done
kill -TERM $pid
wait $pid || true
grep -c 'event=server_stopped' "$dir/serve.log" | sed 's/^/server_stopped lines: /'

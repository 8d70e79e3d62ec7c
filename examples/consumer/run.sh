#!/usr/bin/env bash
# Builds this separate project against the installed io.stui:stui-zmq (run `./mvnw install` at the root
# first), runs it on the module path and on the class path (compiled there too, without module-info),
# and fails if a Jackson jar comes with stui-zmq or if the JVM printed any warning.
# Offline (-o): everything it needs is in the local repository after the root's install.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
mvn=("$root/mvnw" -o -q -B -f "$here/pom.xml")

"${mvn[@]}" clean package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -Dmdep.includeScope=runtime
deps="$(cat target/classpath.txt)"

if tr ':' '\n' <<<"$deps" | grep -i jackson; then
  echo "FAILED: stui-zmq brought a Jackson jar (above)" >&2
  exit 1
fi

java="$JAVA_HOME/bin/java"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

echo "module path:"
"$java" --enable-native-access=io.stui.zmq,io.stui.zmq.bindings \
  -p "target/stui-zmq-consumer-1.0.jar:$deps" -m io.stui.example.consumer/io.stui.example.consumer.Main 2>"$out"
if [ -s "$out" ]; then echo "FAILED: the JVM printed on stderr:" >&2; cat "$out" >&2; exit 1; fi

echo "class path:"
mkdir -p target/classpath-classes
"$JAVA_HOME/bin/javac" -Xlint:all -Werror --release 22 -d target/classpath-classes -cp "$deps" \
  $(find src/main/java -name '*.java' ! -name module-info.java)
"$java" --enable-native-access=ALL-UNNAMED -cp "target/classpath-classes:$deps" io.stui.example.consumer.Main 2>"$out"
if [ -s "$out" ]; then echo "FAILED: the JVM printed on stderr:" >&2; cat "$out" >&2; exit 1; fi

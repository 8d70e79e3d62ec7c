# Sourced by the project's scripts: finds a JDK of 22 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME if it is new enough, then the newest JDK under /usr/lib/jvm.

java_major() { # prints the feature version of the java binary in $1, or 0
  # The JDK's `release` file says it without starting a JVM (each start costs 0.1-0.5 s, and the stui
  # launcher sources this file on every command), read with shell builtins (a sed or dirname per call cost a
  # few ms of every command); asking the JVM is the fallback for a JDK without one.
  local release line v
  release="${1%/bin/java}/release"
  if [ -f "$release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_VERSION=\"[0-9]*)
          v=${line#JAVA_VERSION=\"}; v=${v%%[!0-9]*}
          echo "$v"; return ;;
      esac
    done <"$release"
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

find_jdk() {
  local candidate best="" best_v=0 v
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(java_major "$JAVA_HOME/bin/java"); v=${v:-0}
    if [ "$v" -ge 22 ]; then return 0; fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    v=$(java_major "$candidate/bin/java"); v=${v:-0}
    if [ "$v" -gt "$best_v" ]; then best="$candidate"; best_v=$v; fi
  done
  if [ "$best_v" -ge 22 ]; then
    export JAVA_HOME="$best"
    return 0
  fi
  echo "No JDK 22 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm)." >&2
  echo "Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}

find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"

# Maven itself (Guice) touches sun.misc.Unsafe; on JDK 24+ say it is allowed instead of printing warnings.
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

# serve's JVM profile (server/serve.jvm-options) as one option per line, without -Xshare:off: the JVM
# refuses AOT caches next to any -Xshare flag. Used by the launcher with serve's cache and by the script
# that trains it, so both run the same profile.
serve_opts_for_aot() {
  local line
  while IFS= read -r line; do
    case $line in '' | '#'* | -Xshare:off) ;; *) printf '%s\n' "$line" ;; esac
  done <"$1/server/serve.jvm-options"
}

# Sourced by ./ptlock, ./run-tests and .ci/run: finds a JDK >= 21 for the build.
# The Eclipse platform bundles on Maven Central need Java 21, and Tycho must run on it (no toolchains file needed).
# Order: $PTLOCK_JDK, $JAVA_HOME if it is >= 21, then /usr/lib/jvm/* (newest first).

ptlock_java_major() { # $1 = java home; prints the feature version or nothing
  [ -x "$1/bin/java" ] || return 0
  # the JDK's release file says it without starting a JVM (each start costs ./ptlock 70 ms); else ask java
  local v=""
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release")
  if [ -n "$v" ]; then echo "$v"; return 0; fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

ptlock_find_jdk() {
  local c v
  for c in "${PTLOCK_JDK:-}" "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    [ -n "$c" ] || continue
    c=${c%/}
    [ -x "$c/bin/javac" ] || continue
    v=$(ptlock_java_major "$c")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then echo "$c"; return 0; fi
  done
  return 1
}

if ! PTLOCK_JAVA_HOME=$(ptlock_find_jdk); then
  echo "ptlock: no JDK 21 or newer found (looked at \$PTLOCK_JDK, \$JAVA_HOME and /usr/lib/jvm/*)." >&2
  echo "ptlock: the Eclipse bundles need Java 21+; install one (e.g. Temurin 25) or set PTLOCK_JDK=/path/to/jdk." >&2
  exit 69
fi
export JAVA_HOME="$PTLOCK_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"

# guice (under Xtext and Maven) calls sun.misc.Unsafe; JDK 23+ warns about it on every start
if [ "$(ptlock_java_major "$JAVA_HOME")" -ge 23 ]; then
  case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi

# Sourced by deploy/gems and .ci/run: points JAVA_HOME at a JDK >= 21.
# Order: $JAVA_HOME, the java on PATH, then the usual install places (newest first).
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
gems_pick_jdk() {
  local c
  for c in "${JAVA_HOME:-}" \
           "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
           $(ls -d /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ "$HOME"/.sdkman/candidates/java/*/ 2>/dev/null | sort -rV); do
    c="${c%/}"
    [ -n "$c" ] && [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    local v; v=$(java_major "$c")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then export JAVA_HOME="$c"; export PATH="$JAVA_HOME/bin:$PATH"; return 0; fi
  done
  echo "GEMS needs a JDK 21 or newer: set JAVA_HOME to one." >&2
  return 1
}
gems_pick_jdk

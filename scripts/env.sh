# Sourced by every PortBroker script: one place for JAVA_HOME, the venv and the Maven wrapper.
# Java 21+ is needed (Lambda java21 bytecode); the machine's default JDK is 17, so prefer a newer Temurin.
PB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PB_ROOT
if [ -z "${JAVA_HOME:-}" ] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "${JAVA_HOME}/bin/java" ]; then
  echo "PortBroker needs a JDK 21 or newer; set JAVA_HOME" >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
PB_VENV="$PB_ROOT/.venv"
export PB_VENV
MVN="$PB_ROOT/mvnw -B"
export MVN

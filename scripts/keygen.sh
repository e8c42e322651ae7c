#!/usr/bin/env bash
# Prints a new well-formed PortBroker client key (pb_live_ + 32 random base62 + 6 checksum characters).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
if [ ! -d functions/portbroker-core/target/classes ]; then
  $MVN -q -pl functions/portbroker-core -am compile -Djacoco.skip=true >/dev/null
fi
java -cp functions/portbroker-core/target/classes io.portbroker.core.keys.KeyGen

#!/usr/bin/env bash
# ./pb local: emulator, build, then the local stack in the foreground (Ctrl-C stops the gateway; ./pb stop
# stops the emulator, which forgets all state).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
command -v python3 >/dev/null || { echo "python3 is required (for the moto emulator)" >&2; exit 1; }
endpoint="$(scripts/moto.sh)"
echo "PortBroker: emulator at $endpoint"
echo "PortBroker: building (first time takes a few minutes)..."
$MVN -q -pl infra/portbroker-local -am package -DskipTests -Djacoco.skip=true -Dspotbugs.skip=true \
  -Dspotless.check.skip=true
scripts/portal-build.sh || echo "PortBroker: the admin portal was not built (Node.js/npm needed); /portal/ will say so" >&2
export PORTBROKER_PORTAL_DIR="${PORTBROKER_PORTAL_DIR:-$PB_ROOT/portal/dist}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-testing}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-testing}"
export AWS_REGION="${AWS_REGION:-us-east-1}" PORTBROKER_AWS_ENDPOINT="$endpoint"
export PORTBROKER_CONFIG="${PORTBROKER_CONFIG:-$PB_ROOT/portbroker.yaml}"
# AppCDS (issue #15): the first start writes the class archive at exit, later starts map it (2.8-3.2 s -> 1.5-1.8 s
# to listening on a quiet host); the JVM rebuilds it by itself when the jars change
mkdir -p .portbroker/cds
# two malloc arenas instead of one per busy thread (issue #15: less resident memory, see scripts/local-java-opts.sh)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# shellcheck disable=SC2046 # the flags are words
exec java $(scripts/local-java-opts.sh) -XX:SharedArchiveFile=.portbroker/cds/local.jsa -XX:+AutoCreateSharedArchive \
  -cp "infra/portbroker-local/target/portbroker-local.jar:infra/portbroker-local/target/lib/*" \
  io.portbroker.local.LocalStack

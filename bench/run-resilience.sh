#!/usr/bin/env bash
# Resilience benchmark: 2,000 requests through the local stack (moto) against a down, a 30 %-failing and a
# healthy fake provider. Prints the success ratio, attempts per request and p50/p95 added latency.
# Arguments: [requests] [concurrency] (defaults 2000 and 8).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$PB_ROOT"
# package (not install) so the shared local repository is left alone; the last module's classpath file wins
$MVN -q -pl bench/portbroker-resilience -am package dependency:build-classpath -DskipTests -Djacoco.skip=true \
  -Dspotbugs.skip=true -Dmdep.outputFile="$PB_ROOT/bench/portbroker-resilience/target/classpath.txt"
export PORTBROKER_LOG_LEVEL="${PORTBROKER_LOG_LEVEL:-ERROR}"
# moto accepts any credentials; the SDK only needs some
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-testing}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-testing}"
java -cp "bench/portbroker-resilience/target/classes:$(cat bench/portbroker-resilience/target/classpath.txt)" \
  io.portbroker.bench.resilience.ResilienceBenchmark "$@"

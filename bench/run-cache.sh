#!/usr/bin/env bash
# Response cache benchmark: N deterministic requests (default 2,000, 40 % repeats) through two local-stack servers
# sharing L2/L3 in the emulator. Prints hit ratio, p50/p99 per outcome (hit-l1/l2/l3 vs miss), upstream calls
# avoided and cost saved. Needs the emulator: PB_MOTO_PORT=5105 scripts/moto.sh, then
# PORTBROKER_MOTO_ENDPOINT=http://127.0.0.1:5105 bench/run-cache.sh [requests] [concurrency] [repeatShare] [latencyRounds];
# then a sequential latency phase (one client): floor (bypass to an instant provider), L1/L2/L3 hits and misses.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$PB_ROOT"
$MVN -q -o -pl bench/portbroker-resilience -am package dependency:build-classpath -DskipTests -Djacoco.skip=true \
  -Dspotbugs.skip=true -Dspotless.check.skip=true \
  -Dmdep.outputFile="$PB_ROOT/bench/portbroker-resilience/target/classpath.txt"
export PORTBROKER_LOG_LEVEL="${PORTBROKER_LOG_LEVEL:-ERROR}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-testing}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-testing}"
java ${PORTBROKER_MOTO_ENDPOINT:+-Dportbroker.moto.endpoint=$PORTBROKER_MOTO_ENDPOINT} \
  -cp "bench/portbroker-resilience/target/classes:$(cat bench/portbroker-resilience/target/classpath.txt)" \
  io.portbroker.bench.cache.CacheBenchmark "$@"

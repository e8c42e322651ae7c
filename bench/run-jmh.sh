#!/usr/bin/env bash
# Builds the JMH module and runs its benchmarks with short settings; extra arguments go to JMH
# (e.g. a benchmark name regex, or -prof gc).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$PB_ROOT"
$MVN -q -pl bench/portbroker-bench -am package -DskipTests
java -jar bench/portbroker-bench/target/benchmarks.jar -f 1 -wi 3 -i 5 -w 1s -r 1s "$@"

#!/usr/bin/env bash
# Builds the JMH module, runs its benchmarks with the GC profiler, prints a compact table and writes it to
# bench/results/latest.txt. Extra arguments go to JMH (e.g. a benchmark regex). PB_JMH_SETTINGS replaces the
# short default settings; bench/README.md numbers use PB_JMH_SETTINGS="-f 1 -wi 5 -i 5 -w 2s -r 2s".
# PB_BENCH_SKIP_BUILD=1 reuses an existing benchmarks.jar.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$PB_ROOT"
if [ "${PB_BENCH_SKIP_BUILD:-0}" != "1" ]; then
  $MVN -q -pl bench/portbroker-bench -am package -DskipTests
fi
mkdir -p bench/results
csv="bench/results/latest.csv"
settings="${PB_JMH_SETTINGS:--f 1 -wi 3 -i 5 -w 1s -r 1s}"
# shellcheck disable=SC2086 # the settings are meant to split into words
java -jar bench/portbroker-bench/target/benchmarks.jar $settings -prof gc -rf csv -rff "$csv" "$@"

# One row per benchmark: score, error and allocation per operation (gc.alloc.rate.norm, bytes per op; for the
# stream benchmark an op is one upstream chunk).
table="$(awk -F',' '
  function unq(s) { gsub(/"/, "", s); return s }
  NR == 1 { next }
  {
    name = unq($1); sub(/^io\.portbroker\.bench\./, "", name)
    if (name ~ /:gc\.alloc\.rate\.norm$/) { sub(/:gc\.alloc\.rate\.norm$/, "", name); alloc[name] = unq($5); next }
    if (name ~ /:/) next
    order[++n] = name; score[name] = unq($5); err[name] = unq($6); unit[name] = unq($7)
  }
  END {
    printf "%-36s %14s %12s %-8s %12s\n", "Benchmark", "Score", "Error", "Units", "B/op"
    for (i = 1; i <= n; i++) {
      b = order[i]
      printf "%-36s %14.1f %12.1f %-8s %12s\n", b, score[b], err[b], unit[b], \
        (b in alloc ? sprintf("%.0f", alloc[b]) : "-")
    }
  }' "$csv")"
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "# settings: $settings -prof gc $*"
  echo "$table"
} | tee bench/results/latest.txt

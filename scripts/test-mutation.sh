#!/usr/bin/env bash
# Mutation testing (PIT) of the translation and resilience code, as one step of ./pb test. Runs the scoped set each
# module names in its pom (pitest.targetClasses) with 2 threads and fails when the kill ratio of either module is
# below pitest.mutationThreshold (70 %). The full run over whole modules is documented in docs/testing.md.
# Bounded in time: PIT_TIMEOUT (default 900 s) stops a run that a loaded machine drags out.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
started=$(date +%s)
offline="${PB_MAVEN_OFFLINE:+-o}"
timeout "${PIT_TIMEOUT:-900}" $MVN $offline -q -P mutation \
  -pl functions/portbroker-protocol,functions/portbroker-core \
  test-compile org.pitest:pitest-maven:mutationCoverage \
  -Djacoco.skip=true -Dspotbugs.skip=true -Dspotless.check.skip=true "$@"
for module in functions/portbroker-protocol functions/portbroker-core; do
  report="$module/target/pit-reports/mutations.xml"
  total=$(grep -c '<mutation ' "$report" || true)
  killed=$(grep -cE "status='(KILLED|TIMED_OUT|MEMORY_ERROR)'" "$report" || true)
  echo "== mutation: ${module#*/}: killed $killed of $total ($(( total > 0 ? killed * 100 / total : 0 )) %), report $module/target/pit-reports/index.html"
done
echo "== mutation testing took $(( $(date +%s) - started )) s"

#!/usr/bin/env bash
# Error-path coverage, reported on its own: runs only the tests tagged @Tag("error-path") in protocol and core
# (profile error-path-coverage) into a separate JaCoCo report, then prints what those tests alone cover, for the
# whole modules and for the data plane's failure-handling packages. Informational: the gates stay on the full run.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
started=$(date +%s)
offline="${PB_MAVEN_OFFLINE:+-o}"
timeout "${ERROR_COVERAGE_TIMEOUT:-600}" $MVN $offline -q -P error-path-coverage \
  -pl functions/portbroker-protocol,functions/portbroker-core verify \
  -Dspotbugs.skip=true -Dspotless.check.skip=true -Denforcer.skip=true "$@"
python3 - <<'PY'
import csv, collections
focus = ("io.portbroker.error", "io.portbroker.protocol.openai", "io.portbroker.core.gateway",
         "io.portbroker.core.resilience", "io.portbroker.core.routing", "io.portbroker.core.http")
for module in ("functions/portbroker-protocol", "functions/portbroker-core"):
    path = module + "/target/site/jacoco-error-path/jacoco.csv"
    total = collections.Counter(); data_plane = collections.Counter()
    with open(path) as f:
        for row in csv.DictReader(f):
            for key in ("LINE_MISSED", "LINE_COVERED", "BRANCH_MISSED", "BRANCH_COVERED"):
                total[key] += int(row[key])
                if row["PACKAGE"].startswith(focus):
                    data_plane[key] += int(row[key])
    def pct(c, kind):
        n = c[kind + "_MISSED"] + c[kind + "_COVERED"]
        return "%.1f %%" % (100.0 * c[kind + "_COVERED"] / n) if n else "n/a"
    print("== error-path coverage, %s: line %s, branch %s; data-plane packages: line %s, branch %s (report %s)"
          % (module.split("/")[-1], pct(total, "LINE"), pct(total, "BRANCH"), pct(data_plane, "LINE"),
             pct(data_plane, "BRANCH"), module + "/target/site/jacoco-error-path/index.html"))
PY
tests=$(cat functions/portbroker-*/target/surefire-error-path/*.txt 2>/dev/null | grep -oE 'Tests run: [0-9]+' | awk '{s+=$3} END {print s+0}')
echo "== error-path tests run: $tests; took $(( $(date +%s) - started )) s"

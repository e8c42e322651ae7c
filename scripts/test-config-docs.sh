#!/usr/bin/env bash
# Checks that docs/configuration.md is the one generated from the typed settings records
# (io.portbroker.core.settings.SettingsDocs); fails when it is stale. `--write` regenerates it.
# Runs one test of the core module (protocol + core compile, ~1-2 min on 2 busy cores).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
write=false
[ "${1:-}" = "--write" ] && write=true
timeout 600 $MVN -o -q -pl functions/portbroker-core -am test -Dtest=SettingsDocsTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true -Dspotbugs.skip=true -Dspotless.check.skip=true \
  -Dportbroker.docs.write="$write"
echo "docs/configuration.md is current"

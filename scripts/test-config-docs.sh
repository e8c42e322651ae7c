#!/usr/bin/env bash
# Checks that docs/configuration.md is the one generated from the typed settings records and the wiring's start-up
# groups (io.portbroker.core.settings.SettingsDocs, io.portbroker.wiring.StartupGroups); fails when it is stale.
# `--write` regenerates it. Runs one test of the wiring module (compiles protocol, core and the adapters it needs).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
write=false
[ "${1:-}" = "--write" ] && write=true
timeout 600 $MVN -o -q -pl infra/portbroker-wiring -am test -Dtest=ConfigurationDocsTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true -Dspotbugs.skip=true -Dspotless.check.skip=true \
  -Dportbroker.docs.write="$write"
echo "docs/configuration.md is current"

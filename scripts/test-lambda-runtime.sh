#!/usr/bin/env bash
# The gateway's bundled Lambda runtime (issue #15): builds the layer exactly as a release does
# (scripts/lambda-runtime.sh: jlink, an AOT training run over moto and a loopback nginx, the cache, the zip) and
# fails unless one start of the shipped bootstrap + layer, with -XX:AOTMode=on, answers 200 with the cache mapped
# (the JVM's own class-loading log) and the layer stays within Lambda's size limits. Bounded: cut at 420 s.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
start=$(date +%s)
# the caller (scripts/test.sh) has just built every module, function.zip and infra/portbroker-local included
timeout 420 scripts/lambda-runtime.sh
echo "bundled Lambda runtime step took $(( $(date +%s) - start )) s"

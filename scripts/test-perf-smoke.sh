#!/usr/bin/env bash
# Performance smoke (issue #15): PortBroker vs direct against a loopback nginx for a few seconds each, through
# bench/run-perf.sh --smoke. Prints the table and the ratio; asserts nothing about time (the CI host is shared).
# Installs nginx-light and wrk with apt-get when missing; skips (exit 0, saying so) where it cannot.
# Bounded: the whole step (apt install on a fresh machine included) is cut at 240 s.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "perf smoke skipped: nginx and wrk are missing and cannot be installed here"
    exit 0
  fi
fi
start=$(date +%s)
# the caller (scripts/test.sh) has just built every module; the harness packages nothing again
timeout 240 bench/run-perf.sh --smoke --skip-build
# the Lambda functions through a local Runtime API (a few invocations each; fails only when a function does not answer)
timeout 300 bench/run-lambda.sh --smoke --skip-build || { rc=$?; [ "$rc" = 124 ] || exit "$rc"; echo "lambda smoke cut at 300 s"; }
echo "perf smoke took $(( $(date +%s) - start )) s"

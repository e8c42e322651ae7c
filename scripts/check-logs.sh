#!/usr/bin/env bash
# Fails if a secret the tests use (provider credential, client/admin keys, passwords) appears in any captured
# test output. Surefire writes each test class's stdout/stderr (all log lines) to *-output.txt.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
mapfile -t outputs < <(find . -path '*/target/surefire-reports/*-output.txt' -not -path './.portbroker/*')
if [ "${#outputs[@]}" -eq 0 ]; then echo "no test output captured"; exit 1; fi
# literal test secrets, and the shapes of keys that must never be printed in full
patterns=('sk-fake-upstream-credential' 'pb_live_[A-Za-z0-9]{38}' 'pbr_[A-Za-z0-9_-]{43}')
failed=0
for p in "${patterns[@]}"; do
  if grep -lE -- "$p" "${outputs[@]}" >/dev/null 2>&1; then
    echo "secret pattern '$p' found in:"; grep -lE -- "$p" "${outputs[@]}" | sed 's/^/  /'
    failed=1
  fi
done
[ "$failed" -eq 0 ] && echo "checked ${#outputs[@]} test output files: no secrets"
exit "$failed"

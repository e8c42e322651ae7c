#!/usr/bin/env bash
# The baseline tool's own tests (scripts/baseline.py: parsing, quantiles, summary, compare). The save against a
# running stack is BaselineEndToEndTest in infra/portbroker-local (Maven). Needs the project venv (pytest).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$PB_ROOT/scripts/venv.sh" >/dev/null
cd "$PB_ROOT"
timeout 120 "$PB_VENV/bin/python" -m pytest -q -p no:cacheprovider scripts/baseline_tests

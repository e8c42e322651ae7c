#!/usr/bin/env bash
# Creates .venv with the pinned Python tools (moto server, cfn-lint, checkov). Idempotent and quick when done.
set -euo pipefail
source "$(dirname "$0")/env.sh"
stamp="$PB_VENV/.requirements.sha"
want="$(sha256sum "$PB_ROOT/requirements-dev.txt" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
python3 -m venv "$PB_VENV"
"$PB_VENV/bin/pip" install --quiet --upgrade pip
"$PB_VENV/bin/pip" install --quiet -r "$PB_ROOT/requirements-dev.txt"
echo "$want" > "$stamp"

#!/usr/bin/env bash
# Builds the admin portal (portal/dist) with npm ci + vite build, each skipped when its inputs are unchanged:
# node_modules is reinstalled only when package-lock.json changed, dist is rebuilt only when a source changed.
# The build fails when the first-load JavaScript is over its gzip budget (portal/scripts/check-size.mjs).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT/portal"
command -v npm >/dev/null || { echo "npm is required to build the portal" >&2; exit 1; }
lock_hash="$(sha256sum package-lock.json | cut -c1-64)"
if [ "$(cat node_modules/.pb-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  echo "== portal: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.pb-lock-hash
fi
src_hash="$(find src index.html package-lock.json vite.config.ts tsconfig.json scripts/check-size.mjs -type f -print0 \
  | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)"
if [ "$(cat dist/.pb-src-hash 2>/dev/null)" != "$src_hash" ]; then
  echo "== portal: vite build"
  npm run -s build
  echo "$src_hash" > dist/.pb-src-hash
else
  echo "== portal: dist is up to date"
fi

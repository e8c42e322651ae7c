#!/usr/bin/env bash
# The admin portal's checks (one line of ./pb test): Vitest unit tests, the build with its first-load size budget,
# the committed OpenAPI copy and generated types against the live API, Playwright browser tests and Lighthouse
# (performance >= 85, accessibility >= 90) — all against a real local stack on its own port with its own moto
# emulator (PB_PORTAL_MOTO_PORT, 5106). Uses the Debian chromium package, installed here when missing.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
started=$(date +%s)
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing the Debian chromium package (browser tests, Lighthouse)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
scripts/portal-build.sh
echo "== portal: unit tests"
(cd portal && timeout 300 npx vitest run)

echo "== portal: local stack for the browser tests"
$MVN -q -pl infra/portbroker-local -am package -DskipTests -Djacoco.skip=true -Dspotbugs.skip=true \
  -Dspotless.check.skip=true -Dspotless.apply.skip=true
export PB_MOTO_PORT="${PB_PORTAL_MOTO_PORT:-5106}"
endpoint="$(scripts/moto.sh)"
work="$(mktemp -d)"
stack_pid=""
cleanup() {
  if [ -n "$stack_pid" ]; then kill "$stack_pid" 2>/dev/null || true; wait "$stack_pid" 2>/dev/null || true; fi
  PB_MOTO_PORT=$PB_MOTO_PORT scripts/moto.sh stop
  rm -rf "$work"
}
trap cleanup EXIT
password="$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 PORTBROKER_AWS_ENDPOINT="$endpoint" \
  PORTBROKER_CONFIG="$PB_ROOT/portbroker.yaml" PORTBROKER_PORT=-1 PORTBROKER_TABLE_PREFIX="pbportal-$RANDOM" \
  PORTBROKER_USAGE_FLUSH=200ms PORTBROKER_BOOTSTRAP_ADMIN_PASSWORD="$password" \
  PORTBROKER_PORTAL_DIR="$PB_ROOT/portal/dist" \
  java -cp "infra/portbroker-local/target/portbroker-local.jar:infra/portbroker-local/target/lib/*" \
  io.portbroker.local.LocalStack > "$work/stack.log" 2>&1 &
stack_pid=$!
for _ in $(seq 1 240); do
  grep -q "PortBroker: listening" "$work/stack.log" && break
  kill -0 "$stack_pid" 2>/dev/null || { grep -v "^  " "$work/stack.log" | tail -20 >&2; exit 1; }
  sleep 0.5
done
grep -q "PortBroker: listening" "$work/stack.log" || { echo "the local stack did not start" >&2; exit 1; }
# the server took a free port itself (-1): no race with other processes for a port picked in advance
base="$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/stack.log" | head -1 | sed 's/listening on //')"

echo "== portal: OpenAPI copy and generated types are current"
token="$(curl -s -X POST "$base/admin/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')"
(cd portal && node scripts/check-api.mjs "$base" "$token")

echo "== portal: browser tests (playwright-core, /usr/bin/chromium)"
(cd portal && timeout 300 node e2e/run.mjs "$base" "$password")
echo "== portal: Lighthouse"
(cd portal && timeout 180 node scripts/lighthouse.mjs "$base" "$password")
echo "== portal checks passed in $(( $(date +%s) - started )) s"

#!/usr/bin/env bash
# API fuzzing with schemathesis (pinned in requirements-dev.txt): starts a fake OpenAI-compatible upstream and the
# local stack on ephemeral ports against the suite's moto emulator (PB_MOTO_PORT, started here when not running),
# then fuzzes the admin API (/admin/v1/openapi.json) and the gateway (docs/openapi-gateway.yaml) with a fixed seed
# and a bounded number of examples. Passes only with 0 responses >= 500, every error in its envelope
# (scripts/fuzz/hooks.py) and no secret in any response. Bounded to a few minutes.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
[ -x "$PB_VENV/bin/st" ] || scripts/venv.sh
SEED="${PB_FUZZ_SEED:-9}"
EXAMPLES="${PB_FUZZ_EXAMPLES:-15}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

endpoint="$(scripts/moto.sh)"
if [ ! -f infra/portbroker-local/target/portbroker-local.jar ]; then
  $MVN -q -pl infra/portbroker-local -am package -DskipTests -Djacoco.skip=true -Dspotbugs.skip=true \
    -Dspotless.check.skip=true
fi

"$PB_VENV/bin/python" scripts/fuzz/fake_upstream.py > "$work/upstream.port" &
pids+=($!)
for _ in $(seq 50); do [ -s "$work/upstream.port" ] && break; sleep 0.1; done
upstream_port="$(cat "$work/upstream.port")"
cat > "$work/portbroker.yaml" <<YAML
providers:
  - id: fuzz
    base_url: http://127.0.0.1:${upstream_port}/v1
    api_key_env: PB_FUZZ_UPSTREAM_KEY
routes:
  - model: claude-*
    targets:
      - provider: fuzz
        model: fuzz-model
YAML

export PB_FUZZ_CLIENT_KEY="$(scripts/keygen.sh)" PB_FUZZ_ADMIN_KEY="$(scripts/keygen.sh)"
export PB_FUZZ_UPSTREAM_KEY="sk-fuzz-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1
PORTBROKER_AWS_ENDPOINT="$endpoint" PORTBROKER_CONFIG="$work/portbroker.yaml" PORTBROKER_PORT=0 \
  PORTBROKER_TABLE_PREFIX="pbfuzz-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')" \
  PORTBROKER_BOOTSTRAP_KEY="$PB_FUZZ_CLIENT_KEY" PORTBROKER_BOOTSTRAP_ADMIN_KEY="$PB_FUZZ_ADMIN_KEY" \
  java -cp "infra/portbroker-local/target/portbroker-local.jar:infra/portbroker-local/target/lib/*" \
  io.portbroker.local.LocalStack > "$work/gateway.log" 2>&1 &
pids+=($!)
base=""
for _ in $(seq 600); do
  base="$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/gateway.log" | sed 's/listening on //' || true)"
  [ -n "$base" ] && break
  kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/gateway.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { echo "test-fuzz: the local stack did not start" >&2; cat "$work/gateway.log" >&2; exit 1; }
echo "== fuzzing $base (seed $SEED, $EXAMPLES examples per operation)"

export SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$PB_ROOT/scripts/fuzz${PYTHONPATH:+:$PYTHONPATH}"
common=(--seed "$SEED" --max-examples "$EXAMPLES" --workers 1 --phases examples,coverage,fuzzing
        --checks not_a_server_error,error_envelope,no_secret_in_response --request-timeout 20
        --generation-database none --suppress-health-check all --no-color --max-time 45)
status=0
gateway_schema="$PB_ROOT/docs/openapi-gateway.yaml"
cd "$work"  # schemathesis writes its caches to the working folder
timeout 75 "$PB_VENV/bin/st" run "$base/admin/v1/openapi.json" --url "$base" \
  -H "x-api-key: $PB_FUZZ_ADMIN_KEY" "${common[@]}" || status=$?
timeout 75 "$PB_VENV/bin/st" run "$gateway_schema" --url "$base" \
  -H "x-api-key: $PB_FUZZ_CLIENT_KEY" "${common[@]}" || status=$?
if grep -F -e "$PB_FUZZ_CLIENT_KEY" -e "$PB_FUZZ_ADMIN_KEY" -e "$PB_FUZZ_UPSTREAM_KEY" "$work/gateway.log" >/dev/null; then
  echo "test-fuzz: a secret reached the gateway's log" >&2
  status=1
fi
exit "$status"

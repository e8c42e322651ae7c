#!/usr/bin/env bash
# ./pb test: the whole suite. Starts its own moto emulator on a separate port, installs the pinned Claude Code
# CLI for the end-to-end test, runs every Maven module's tests and quality gates (Spotless, SpotBugs +
# FindSecBugs, JaCoCo), checks that no test secret reached any log, then the IaC checks.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
export PB_MOTO_PORT="${PB_TEST_MOTO_PORT:-5055}"
scripts/venv.sh
endpoint="$(scripts/moto.sh)"
trap 'PB_MOTO_PORT=$PB_MOTO_PORT scripts/moto.sh stop' EXIT
echo "== moto emulator at $endpoint"

claude_dir="$PB_ROOT/.portbroker/claude-code"
claude_bin="$claude_dir/node_modules/.bin/claude"
if [ ! -x "$claude_bin" ]; then
  echo "== installing the Claude Code CLI (pinned) for the end-to-end test"
  mkdir -p "$claude_dir"
  npm install --prefix "$claude_dir" --no-audit --no-fund --loglevel=error @anthropic-ai/claude-code@2.1.328
fi

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1
echo "== maven verify (tests + quality gates)"
$MVN verify -Dportbroker.moto.endpoint="$endpoint" -Dportbroker.claude.bin="$claude_bin"

scripts/test-self-checks.sh  # factory share, error-path coverage, PIT mutation gate (issue #8)

scripts/test-config-docs.sh  # docs/configuration.md generated from the settings records (~1.5 min)
scripts/test-perf-smoke.sh  # issue #15: PortBroker vs direct for a few seconds, prints the ratio (~40 s)
scripts/test-lambda-runtime.sh  # issue #15: the gateway's bundled JRE + AOT cache layer, built and started as shipped (98 s at load 10, 230 s at 12)
scripts/test-baseline.sh  # issue #14: ./pb baseline's parsing/quantile/compare logic (~15 s with the venv check)

echo "== no test secret in any log"
scripts/check-logs.sh
scripts/test-secrets.sh
scripts/test-fuzz.sh

scripts/test-portal.sh

echo "== infrastructure checks"
.ci/iac-checks.sh
echo "== all checks passed"

#!/usr/bin/env bash
# Tests that prove themselves (issue #8), one step of ./pb test: the share of tests building models by hand (fails
# above 15 %: scripts/factory-share.sh), coverage of the error-path tests alone (scripts/test-error-coverage.sh) and PIT
# mutation testing with its 70 % kill-ratio gate (scripts/test-mutation.sh). Prints each part's duration.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/factory-share.sh
scripts/test-error-coverage.sh
scripts/test-mutation.sh

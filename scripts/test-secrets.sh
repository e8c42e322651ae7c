#!/usr/bin/env bash
# Secret scanning of every tracked file with gitleaks (default rules + .gitleaks.toml's allow-list of deliberately
# fake test fixtures). Installs the pinned gitleaks with `go install` into .portbroker/go on first use. Fails on any
# finding; prints only redacted findings. Bounded: the scan itself takes a few seconds.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
GITLEAKS_VERSION="v8.28.0"
gobin="$PB_ROOT/.portbroker/go/bin"
gitleaks="$gobin/gitleaks"
# the Go toolchain's usual place, for shells whose PATH lacks it
export PATH="$PATH:/usr/local/go/bin"
if [ ! -x "$gitleaks" ] || [ "$(cat "$gobin/.gitleaks-version" 2>/dev/null)" != "$GITLEAKS_VERSION" ]; then
  command -v go >/dev/null || { echo "test-secrets: Go is needed to install gitleaks" >&2; exit 1; }
  echo "== installing gitleaks $GITLEAKS_VERSION (go install)"
  mkdir -p "$gobin"
  GOBIN="$gobin" GOPATH="$PB_ROOT/.portbroker/go" GOFLAGS=-modcacherw \
    timeout 600 go install "github.com/zricethezav/gitleaks/v8@$GITLEAKS_VERSION"
  echo "$GITLEAKS_VERSION" > "$gobin/.gitleaks-version"
fi
# scan exactly the tracked files (working-tree versions), never build output, the venv or downloaded tools
tree="$(mktemp -d)"
trap 'rm -rf "$tree"' EXIT
git ls-files -z | while IFS= read -r -d '' f; do
  [ -f "$f" ] && [ ! -L "$f" ] && { mkdir -p "$tree/$(dirname "$f")"; cp "$f" "$tree/$f"; }
done
cp .gitleaks.toml "$tree/.gitleaks.toml"
cd "$tree"
"$gitleaks" dir . --config .gitleaks.toml --redact --no-banner --exit-code 1
echo "== gitleaks: no secrets in $(git -C "$PB_ROOT" ls-files | wc -l) tracked files"

#!/usr/bin/env bash
# PortBroker's developer entry point.
#   ./pb local    set up everything (venv + moto emulator, tables, secrets, seeded config, bootstrap key) and run
#                 the gateway on 127.0.0.1:${PORTBROKER_PORT:-8080}
#   ./pb test     run the whole test suite, exactly as CI does (.ci/run calls this)
#   ./pb keygen   print a fresh, well-formed client key (for PORTBROKER_BOOTSTRAP_KEY)
#   ./pb baseline save [NAME] | compare A B   snapshot the running stack's figures / print the deltas
#   ./pb stop     stop the background moto emulator started by ./pb local
set -euo pipefail
cd "$(dirname "$0")"
case "${1:-help}" in
  local) exec scripts/local.sh ;;
  test) exec scripts/test.sh ;;
  keygen) exec scripts/keygen.sh ;;
  stop) exec scripts/moto.sh stop ;;
  baseline) shift; exec python3 scripts/baseline.py "$@" ;;
  *) sed -n '2,8p' "$0"; exit 2 ;;
esac

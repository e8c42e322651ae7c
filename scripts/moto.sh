#!/usr/bin/env bash
# Starts the moto server (DynamoDB, S3, KMS, SSM, Secrets Manager emulator) on 127.0.0.1:${PB_MOTO_PORT:-5000}
# in the background unless one already answers there (scripts/moto_server.py: requests handled one at a time). Prints the endpoint. Stop it with: scripts/moto.sh stop
set -euo pipefail
source "$(dirname "$0")/env.sh"
port="${PB_MOTO_PORT:-5000}"
pidfile="$PB_ROOT/.portbroker/moto-$port.pid"
mkdir -p "$PB_ROOT/.portbroker"
if [ "${1:-}" = "stop" ]; then
  if [ -f "$pidfile" ]; then kill "$(cat "$pidfile")" 2>/dev/null || true; rm -f "$pidfile"; fi
  exit 0
fi
if curl -s -o /dev/null "http://127.0.0.1:$port/moto-api/"; then echo "http://127.0.0.1:$port"; exit 0; fi
"$(dirname "$0")/venv.sh"
nohup "$PB_VENV/bin/python" "$PB_ROOT/scripts/moto_server.py" 127.0.0.1 "$port" > "$PB_ROOT/.portbroker/moto-$port.log" 2>&1 &
echo $! > "$pidfile"
for _ in $(seq 1 100); do
  if curl -s -o /dev/null "http://127.0.0.1:$port/moto-api/"; then echo "http://127.0.0.1:$port"; exit 0; fi
  sleep 0.2
done
echo "moto server did not start; see .portbroker/moto-$port.log" >&2
exit 1

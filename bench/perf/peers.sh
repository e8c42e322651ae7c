# Sourced by bench/run-perf.sh --peers: installs (once, into .portbroker/perf-peers, git-ignored) and starts the
# LiteLLM proxy (PyPI) and claude-code-router (npm) in front of the same nginx, each taking the same Anthropic
# request on /v1/messages. A peer that cannot be installed or started is left out with a note; the run goes on.
peers_dir="$PB_ROOT/.portbroker/perf-peers"
declare -A peer_pid
LITELLM_VERSION="${PB_PERF_LITELLM_VERSION:-1.80.0}"
CCR_VERSION="${PB_PERF_CCR_VERSION:-2.0.0}"

wait_for_messages() { # url headers... -> 0 once a POST answers 200 (at most ~60 s)
  local url="$1"; shift
  local args=()
  for h in "$@"; do args+=(-H "$h"); done
  for _ in $(seq 1 300); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "${args[@]}" -H 'content-type: application/json' \
      --data-binary @"$out/anthropic.json" "$url" || true)" = 200 ]; then return 0; fi
    sleep 0.2
  done
  return 1
}

start_litellm() {
  if [ ! -x "$peers_dir/venv/bin/litellm" ]; then
    note "installing litellm[proxy]==$LITELLM_VERSION from PyPI"
    python3 -m venv "$peers_dir/venv" && timeout 600 "$peers_dir/venv/bin/pip" install -q "litellm[proxy]==$LITELLM_VERSION" \
      > "$out/litellm-install.log" 2>&1 || { note "LiteLLM install failed (see $out/litellm-install.log); left out"; return; }
  fi
  local port; port="$(free_port)"
  cat > "$out/litellm.yaml" <<YAML
model_list:
  - model_name: bench-plain
    litellm_params: {model: openai/bench-model, api_base: "$upstream/plain/v1", api_key: sk-bench-upstream}
YAML
  (cd "$out" && exec "$peers_dir/venv/bin/litellm" --config "$out/litellm.yaml" --host 127.0.0.1 --port "$port" \
    --num_workers 2) > "$out/litellm.log" 2>&1 &
  peer_pid[litellm]=$!
  pids+=("${peer_pid[litellm]}")
  if wait_for_messages "http://127.0.0.1:$port/v1/messages" "anthropic-version: 2023-06-01"; then
    systems="$systems litellm"
    url[litellm]="http://127.0.0.1:$port/v1/messages"; body[litellm]="$out/anthropic.json"
    headers_of[litellm]="anthropic-version: 2023-06-01"
  else
    note "LiteLLM did not answer (see $out/litellm.log); left out"
  fi
}

start_ccr() {
  local bin="$peers_dir/ccr/node_modules/@musistudio/claude-code-router/dist/cli.js"
  if [ ! -f "$bin" ]; then
    note "installing @musistudio/claude-code-router@$CCR_VERSION from npm"
    timeout 300 npm install --prefix "$peers_dir/ccr" --no-audit --no-fund --loglevel=error \
      "@musistudio/claude-code-router@$CCR_VERSION" > "$out/ccr-install.log" 2>&1 \
      || { note "claude-code-router install failed (see $out/ccr-install.log); left out"; return; }
  fi
  local port; port="$(free_port)"
  local home="$out/ccr-home"
  mkdir -p "$home/.claude-code-router"
  cat > "$home/.claude-code-router/config.json" <<JSON
{"HOST": "127.0.0.1", "PORT": $port, "LOG": false, "API_TIMEOUT_MS": 30000,
 "Providers": [{"name": "bench", "api_base_url": "$upstream/plain/v1/chat/completions",
                "api_key": "sk-bench-upstream", "models": ["bench-model"]}],
 "Router": {"default": "bench,bench-model"}}
JSON
  HOME="$home" node "$bin" start > "$out/ccr.log" 2>&1 &
  peer_pid[ccr]=$!
  pids+=("${peer_pid[ccr]}")
  if wait_for_messages "http://127.0.0.1:$port/v1/messages" "anthropic-version: 2023-06-01"; then
    systems="$systems ccr"
    url[ccr]="http://127.0.0.1:$port/v1/messages"; body[ccr]="$out/anthropic.json"
    headers_of[ccr]="anthropic-version: 2023-06-01"
  else
    note "claude-code-router did not answer (see $out/ccr.log); left out"
  fi
}

start_peers() {
  start_litellm
  start_ccr
}

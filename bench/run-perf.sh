#!/usr/bin/env bash
# Performance harness: direct vs PortBroker (vs LiteLLM proxy and claude-code-router with --peers), all against one
# fixed-answer nginx on loopback, interleaved rounds. Prints one table with ratios; raw data in bench/results/perf-*/.
#
#   bench/run-perf.sh                 PortBroker vs direct, every step (~5 min)
#   bench/run-perf.sh --peers         also LiteLLM proxy 1.80.0 and claude-code-router 2.0.0 (PyPI / npm, installed into
#                                     .portbroker/perf-peers; each takes the same Anthropic request on /v1/messages)
#   bench/run-perf.sh --smoke         a few seconds per system, sequential + closed loop only (scripts/test-perf-smoke.sh)
#   options: --rounds N (2)  --seconds S (8, per closed-loop / sequential step)  --open-seconds S (10)
#            --rates "500 1000 2000 5000"  --streams N (500)  --skip-build
#            --warmup S (30; smoke 2): closed loop at 32 connections per system before anything is recorded, the same
#                for every system (PortBroker plateaus after ~24-30 s from cold here, see README)
#            --warmup-curve S: first records each system's closed-loop rps per 2 s window from cold for S seconds
#   env: PB_PERF_MAX_IN_FLIGHT (64: throughput stops growing by 32 connections on 2 cores, so more admitted work only
#        queues), PB_PERF_OVERLOAD=0 skips the 2x-capacity step, PB_PERF_JAVA_OPTS adds JVM flags,
#        PB_PERF_BASE_OPTS replaces the local stack's own flags (scripts/local-java-opts.sh; empty: JVM defaults),
#        PB_PERF_CDS_OPTS= (empty) starts PortBroker without its AppCDS archive (default: the archive in
#        .portbroker/perf-tools, dumped from a training start whenever the jars are newer than it),
#        PB_PERF_STREAMS=0 skips the streaming and slow-stream steps (PB_PERF_STREAM_COUNT: 400 interleaved
#        requests per system after PB_PERF_STREAM_WARMUP=2000 warm-up rounds), PB_PERF_BIG=N (3; 0 skips) concurrent
#        near-limit requests of PB_PERF_BIG_BYTES (30000000) base64 image characters: answered, never an OOM,
#        PB_PERF_CLASSPATH runs another build (A/B: copy target/portbroker-local.jar + target/lib aside first),
#        PB_PERF_B="VAR=value ..." also runs a second PortBroker "pb-b" with those extra environment variables (and
#        PB_PERF_B_CLASSPATH, when set, another build) through every step, interleaved: an A/B in one run,
#        PB_PERF_PROFILE=cpu|alloc profiles the PortBroker process(es) with async-profiler 4.0 (from ~/.m2, else
#        fetched with `mvn dependency:get`) over the recorded sequential and closed-loop rounds: collapsed stacks in
#        the run's folder (profile-<event>-<system>.collapsed; alloc counts bytes) and a split by bench/perf/profile_split.py
# Every load goes to 127.0.0.1 and is bounded in count and time. The machine is shared: compare ratios, not absolutes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$PB_ROOT"

peers=0 smoke=0 rounds=2 seconds=8 open_seconds=10 rates="500 1000 2000 5000" streams=500 build=1 warmup=30 curve=0
while [ $# -gt 0 ]; do
  case "$1" in
    --peers) peers=1 ;;
    --smoke) smoke=1 rounds=1 seconds=3 warmup=2 ;;
    --rounds) rounds="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --open-seconds) open_seconds="$2"; shift ;;
    --rates) rates="$2"; shift ;;
    --streams) streams="$2"; shift ;;
    --skip-build) build=0 ;;
    --warmup) warmup="$2"; shift ;;
    --warmup-curve) curve="$2"; shift ;;
    *) sed -n '2,25p' "$0"; exit 2 ;;
  esac
  shift
done

out="$PB_ROOT/bench/results/perf-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
raw="$out/raw.txt"
tools="$PB_ROOT/.portbroker/perf-tools"
mkdir -p "$tools/bin"
export PATH="$tools/bin:$PATH"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # let the JVMs exit before the emulator goes: shutdown flushes usage, and the AppCDS archive is written at exit
  for p in "${pids[@]}"; do
    for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
  done
  if [ -f "$out/nginx.pid" ]; then kill "$(cat "$out/nginx.pid")" 2>/dev/null || true; fi
  PB_MOTO_PORT="$moto_port" scripts/moto.sh stop 2>/dev/null || true
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
note() { echo "== $*" >&2; }
record() { echo "$1 $2 $3 $4" >> "$raw"; }   # system step round "key=value ..."

# ---- tools: nginx + wrk from apt (root here), vegeta from the Go module proxy
if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null || [ ! -f /usr/share/nginx/modules/ngx_http_echo_module.so ]; then
  note "installing nginx-light (echo module) and wrk with apt-get"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk) >"$out/apt.log" 2>&1 \
    || { echo "apt-get install nginx-light wrk failed (see $out/apt.log)" >&2; exit 1; }
fi
if [ "$smoke" = 0 ] && ! command -v vegeta >/dev/null; then
  note "installing vegeta v12.13.0 with go install"
  GOBIN="$tools/bin" timeout 300 go install github.com/tsenart/vegeta/v12@v12.13.0 >"$out/vegeta-install.log" 2>&1 \
    || { echo "go install vegeta failed (see $out/vegeta-install.log)" >&2; exit 1; }
fi

# ---- the upstream
up_port="$(free_port)" gw_port="$(free_port)" moto_port="${PB_PERF_MOTO_PORT:-$(free_port)}"
trap cleanup EXIT
mkdir -p "$out"/nginx-{body,proxy,fastcgi,uwsgi,scgi}
sed -e "s|@DIR@|$out|g" -e "s|@PORT@|$up_port|g" -e "s|@SLOW@|60|g" bench/perf/nginx.conf.template > "$out/nginx.conf"
nginx -c "$out/nginx.conf" -e "$out/nginx-error.log"
upstream="http://127.0.0.1:$up_port"
for _ in $(seq 1 50); do curl -s -o /dev/null -X POST "$upstream/plain/v1/chat/completions" && break; sleep 0.1; done
nginx_worker="$(pgrep -P "$(cat "$out/nginx.pid")" | head -1)"

# ---- PortBroker (the local stack over its own moto)
if [ "$build" = 1 ]; then
  note "building the local stack (package, no tests)"
  $MVN -o -q -pl infra/portbroker-local -am package -DskipTests -Djacoco.skip=true -Dspotbugs.skip=true \
    -Dspotless.check.skip=true
fi
endpoint="$(PB_MOTO_PORT="$moto_port" scripts/moto.sh)"
sed -e "s|@UPSTREAM@|$upstream|g" bench/perf/portbroker.yaml.template > "$out/portbroker.yaml"
key="$(java -cp functions/portbroker-core/target/classes io.portbroker.core.keys.KeyGen)"
gateway_java() {   # gateway_java PREFIX LOG [PORT CLASSPATH VAR=value...]: the local stack in the background
  local prefix="$1" log="$2" port="${3:-$gw_port}" cp="${4:-${PB_PERF_CLASSPATH:-infra/portbroker-local/target/portbroker-local.jar:infra/portbroker-local/target/lib/*}}"
  shift 4 2>/dev/null || shift $#
  env AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 PORTBROKER_AWS_ENDPOINT="$endpoint" \
    PORTBROKER_CONFIG="$out/portbroker.yaml" PORTBROKER_PORT="$port" PORTBROKER_BOOTSTRAP_KEY="$key" \
    PORTBROKER_OVERLOAD_MAX_IN_FLIGHT="${PB_PERF_MAX_IN_FLIGHT:-64}" \
    PORTBROKER_TABLE_PREFIX="$prefix" PORTBROKER_LOG_LEVEL="${PORTBROKER_LOG_LEVEL:-WARN}" PB_BENCH_UPSTREAM_KEY=sk-bench-upstream MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" "$@" \
    java ${PB_PERF_BASE_OPTS-$(scripts/local-java-opts.sh)} ${PB_PERF_CDS_OPTS-"-XX:SharedArchiveFile=$tools/local.jsa"} ${PB_PERF_JAVA_OPTS:-} -cp "$cp" \
    io.portbroker.local.LocalStack > "$log" 2>&1 &
}
cds_stale() { [ ! -f "$tools/local.jsa" ] || [ -n "$(find infra/portbroker-local/target -name '*.jar' -newer "$tools/local.jsa" | head -1)" ]; }
if [ -z "${PB_PERF_CDS_OPTS+set}" ] && [ -z "${PB_PERF_CLASSPATH:-}" ] && cds_stale; then
  rm -f "$tools/local.jsa"
  # one training start, dumped with jcmd once listening (a JVM killed by this script did not write it at exit)
  note "writing the AppCDS archive: one training start of the local stack"
  PB_PERF_CDS_OPTS="-XX:+RecordDynamicDumpInfo -XX:ErrorFile=$out/hs_err_cds_%p.log" gateway_java pbperf-cds "$out/portbroker-cds.log"
  cds_pid=$!
  for _ in $(seq 1 1200); do grep -q "started in" "$out/portbroker-cds.log" && break; kill -0 "$cds_pid" 2>/dev/null || break; sleep 0.1; done
  jcmd "$cds_pid" VM.cds dynamic_dump "$tools/local.jsa" > "$out/cds-dump.log" 2>&1 || note "AppCDS dump failed (see $out/cds-dump.log)"
  kill "$cds_pid" 2>/dev/null || true
  for _ in $(seq 1 600); do kill -0 "$cds_pid" 2>/dev/null || break; sleep 0.1; done
fi
start_ns="$(date +%s%N)"
gateway_java pbperf "$out/portbroker.log"
gw_pid=$!
pids+=("$gw_pid")
gateway="http://127.0.0.1:$gw_port"
printf '{"model":"bench-plain","max_tokens":64,"messages":[{"role":"user","content":"Say hello."}]}' > "$out/anthropic.json"
printf '{"model":"bench-stream","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"Say hello."}]}' > "$out/anthropic-stream.json"
printf '{"model":"bench-slow","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"Say hello."}]}' > "$out/anthropic-slow.json"
printf '{"model":"bench-model","max_tokens":64,"messages":[{"role":"user","content":"Say hello."}]}' > "$out/openai.json"
printf '{"model":"bench-model","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"Say hello."}]}' > "$out/openai-stream.json"
pb_headers="x-api-key: $key
anthropic-version: 2023-06-01"
served=0
for _ in $(seq 1 1200); do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $key" -H 'anthropic-version: 2023-06-01' \
    -H 'content-type: application/json' --data-binary @"$out/anthropic.json" "$gateway/v1/messages" || true)"
  if [ "$code" = 200 ]; then served=1; break; fi
  kill -0 "$gw_pid" 2>/dev/null || break
  sleep 0.05
done
[ "$served" = 1 ] || { echo "PortBroker did not serve a request; see $out/portbroker.log" >&2; tail -20 "$out/portbroker.log" >&2; exit 1; }
record portbroker start 1 "start_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))"
if [ -n "${PB_PERF_B:-}" ]; then
  gwb_port="$(free_port)"
  b_cds="${PB_PERF_CDS_OPTS-"-XX:SharedArchiveFile=$tools/local.jsa"}"
  if [ -n "${PB_PERF_B_CLASSPATH:-}" ]; then b_cds=""; fi   # the archive belongs to the A build's class path
  # shellcheck disable=SC2086 # PB_PERF_B is a list of VAR=value words
  PB_PERF_BASE_OPTS="${PB_PERF_B_BASE_OPTS-${PB_PERF_BASE_OPTS-$(scripts/local-java-opts.sh)}}" \
    PB_PERF_CDS_OPTS="$b_cds" PB_PERF_JAVA_OPTS="${PB_PERF_B_JAVA_OPTS-${PB_PERF_JAVA_OPTS:-}}" gateway_java pbperfb "$out/portbroker-b.log" "$gwb_port" \
    "${PB_PERF_B_CLASSPATH:-infra/portbroker-local/target/portbroker-local.jar:infra/portbroker-local/target/lib/*}" $PB_PERF_B
  gwb_pid=$!
  pids+=("$gwb_pid")
  for _ in $(seq 1 1200); do
    code="$(curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $key" -H 'anthropic-version: 2023-06-01' \
      -H 'content-type: application/json' --data-binary @"$out/anthropic.json" "http://127.0.0.1:$gwb_port/v1/messages" || true)"
    [ "$code" = 200 ] && break
    kill -0 "$gwb_pid" 2>/dev/null || { echo "pb-b did not start; see $out/portbroker-b.log" >&2; exit 1; }
    sleep 0.05
  done
  record pb-b config 1 "env=$(echo "$PB_PERF_B" | tr ' ' ',')"
fi

# ---- peers (optional)
systems="direct portbroker"
declare -A url body stream_body headers_of
url[direct]="$upstream/plain/v1/chat/completions"; body[direct]="$out/openai.json"; headers_of[direct]="authorization: Bearer sk-bench-upstream"
url[portbroker]="$gateway/v1/messages"; body[portbroker]="$out/anthropic.json"; headers_of[portbroker]="$pb_headers"
if [ -n "${PB_PERF_B:-}" ]; then
  systems="$systems pb-b"
  url[pb-b]="http://127.0.0.1:$gwb_port/v1/messages"; body[pb-b]="$out/anthropic.json"; headers_of[pb-b]="$pb_headers"
fi
stream_url_direct="$upstream/stream/v1/chat/completions"
if [ "$peers" = 1 ]; then
  # shellcheck source=perf/peers.sh
  source bench/perf/peers.sh
  start_peers   # adds litellm and ccr to $systems, url[], body[], headers_of[] when they start
fi

# CPU of a process and all its descendants (LiteLLM's workers, node's children), in clock ticks
tree() { echo "$1"; for c in $(pgrep -P "$1" 2>/dev/null); do tree "$c"; done; }
cpu_ticks() { local t=0; for p in $(tree "$1"); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
pid_of() { case "$1" in direct) echo "$nginx_worker" ;; portbroker) echo "$gw_pid" ;; pb-b) echo "$gwb_pid" ;; *) echo "${peer_pid[$1]}" ;; esac; }

closed_loop() {   # closed_loop SYSTEM SECONDS: wrk at 32 connections, prints the PB_WRK line
  PB_BODY_FILE="${body[$1]}" PB_HEADERS="${headers_of[$1]}" wrk -t2 -c32 -d"$2s" --timeout 5s -s bench/perf/post.lua "${url[$1]}" \
    | grep PB_WRK || true
}
if [ "$curve" != 0 ]; then   # how fast each system reaches its plateau from cold: rps per 2 s window
  for s in $systems; do
    note "warm-up curve: $s, closed loop from cold, ${curve}s in 2 s windows"
    for w in $(seq 1 $((curve / 2))); do
      line="$(closed_loop "$s" 2)"; record "$s" warmup "$w" "${line#PB_WRK } window_s=2"
    done
  done
fi
# warm-up: JIT and pools (not recorded), the same closed loop and time for every system
for s in $systems; do
  note "warm-up: $s, closed loop, ${warmup}s"
  closed_loop "$s" "$warmup" > /dev/null
done

# ---- optional profile of the PortBroker process(es) over the recorded rounds (async-profiler, loaded with jcmd)
profiled=() ap_total=""
if [ -n "${PB_PERF_PROFILE:-}" ]; then
  case "$PB_PERF_PROFILE" in cpu) ap_event="event=itimer,interval=1ms" ;; alloc) ap_event="event=alloc" ap_total=",total" ;;
    *) echo "PB_PERF_PROFILE must be cpu or alloc" >&2; exit 2 ;; esac
  ap_jar="$HOME/.m2/repository/tools/profiler/async-profiler/4.0/async-profiler-4.0.jar"
  [ -f "$ap_jar" ] || $MVN -q dependency:get -Dartifact=tools.profiler:async-profiler:4.0 >"$out/async-profiler-get.log" 2>&1 \
    || { echo "could not fetch async-profiler 4.0 (see $out/async-profiler-get.log)" >&2; exit 1; }
  ap_arch="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
  ap_lib="$tools/async-profiler-4.0/$ap_arch/libasyncProfiler.so"
  [ -f "$ap_lib" ] || (mkdir -p "$tools/async-profiler-4.0" && cd "$tools/async-profiler-4.0" && unzip -o -q "$ap_jar" "$ap_arch/*")
  for s in portbroker pb-b; do
    case " $systems " in *" $s "*) ;; *) continue ;; esac
    jcmd "$(pid_of "$s")" JVMTI.agent_load "$ap_lib" "\"start,$ap_event\"" > "$out/profile-$s.log" 2>&1 || true
    grep -q "return code: 0" "$out/profile-$s.log" && profiled+=("$s") || note "async-profiler did not attach to $s (see $out/profile-$s.log)"
  done
fi

for r in $(seq 1 "$rounds"); do
  for s in $systems; do
    note "round $r: $s sequential (${seconds}s) and closed loop, 32 connections (${seconds}s)"
    line="$(PB_BODY_FILE="${body[$s]}" PB_HEADERS="${headers_of[$s]}" wrk -t1 -c1 -d"${seconds}s" -s bench/perf/post.lua "${url[$s]}" | grep PB_WRK)"
    record "$s" sequential "$r" "${line#PB_WRK }"
    pid="$(pid_of "$s")"; before="$(cpu_ticks "$pid")"
    line="$(PB_BODY_FILE="${body[$s]}" PB_HEADERS="${headers_of[$s]}" wrk -t2 -c32 -d"${seconds}s" --timeout 5s -s bench/perf/post.lua "${url[$s]}" | grep PB_WRK)"
    after="$(cpu_ticks "$pid")"
    record "$s" closed32 "$r" "${line#PB_WRK } cpu_ticks=$((after - before)) hz=$(getconf CLK_TCK)"
  done
done
for s in "${profiled[@]}"; do
  f="$out/profile-$PB_PERF_PROFILE-$s.collapsed"
  jcmd "$(pid_of "$s")" JVMTI.agent_load "$ap_lib" "\"stop,file=$f,collapsed${ap_total}\"" >> "$out/profile-$s.log" 2>&1 || true
  if [ -s "$f" ]; then
    echo "== profile ($PB_PERF_PROFILE) of $s over the recorded rounds: $f"
    python3 bench/perf/profile_split.py "$f" 15 | tee "$out/profile-$PB_PERF_PROFILE-$s.txt"
  else
    note "no profile written for $s (see $out/profile-$s.log)"
  fi
done

if [ "$smoke" = 0 ]; then
  for rate in $rates; do
    for s in $systems; do
      note "open loop $rate rps for ${open_seconds}s: $s"
      {
        echo "POST ${url[$s]}"; echo "content-type: application/json"; echo "${headers_of[$s]}"; echo "@${body[$s]}"
      } > "$out/targets-$s.txt"
      vegeta attack -rate="$rate" -duration="${open_seconds}s" -timeout=5s -max-workers=4000 -targets="$out/targets-$s.txt" \
        > "$out/open-$s-$rate.bin"
      line="$(vegeta encode --to csv < "$out/open-$s-$rate.bin" | python3 bench/perf/vegeta_stats.py "$rate" "$open_seconds")"
      record "$s" "open$rate" 1 "${line#PB_OPEN }"
    done
  done
  if [ "${PB_PERF_STREAMS:-1}" = 1 ]; then
    # the steps before warm only the non-stream path: without its own warm-up the stream path ran while C2 was still
    # compiling it (53 % of the gateway's CPU in a 3,000-stream profile; first byte +1.5 ms after 1,000 streams,
    # +0.5 ms after 4,000, measured with throwaway nanoTime stamps)
    n_stream="${PB_PERF_STREAM_COUNT:-400}" warm_stream="${PB_PERF_STREAM_WARMUP:-2000}"
    note "streaming: time to first byte and last byte, $n_stream sequential requests each, interleaved ($warm_stream warm-up)"
    stream_targets=("direct|$stream_url_direct|$out/openai-stream.json|authorization: Bearer sk-bench-upstream"
      "portbroker|$gateway/v1/messages|$out/anthropic-stream.json|x-api-key: $key|anthropic-version: 2023-06-01")
    if [ -n "${PB_PERF_B:-}" ]; then
      stream_targets+=("pb-b|${url[pb-b]}|$out/anthropic-stream.json|x-api-key: $key|anthropic-version: 2023-06-01")
    fi
    python3 bench/perf/stream_timing.py --count "$n_stream" --warmup "$warm_stream" "${stream_targets[@]}" | while read -r _ name rest; do
      record "${name#name=}" stream 1 "$rest"
    done
    note "memory: $streams concurrent slow streams through PortBroker"
    line="$(python3 bench/perf/slow_streams.py "$gw_pid" 127.0.0.1 "$gw_port" /v1/messages "$out/anthropic-slow.json" "$streams" 45 \
      "x-api-key: $key" "anthropic-version: 2023-06-01")"
    record portbroker slow "$streams" "${line#PB_SLOW }"
    if [ -n "${PB_PERF_B:-}" ]; then
      line="$(python3 bench/perf/slow_streams.py "$gwb_pid" 127.0.0.1 "$gwb_port" /v1/messages "$out/anthropic-slow.json" "$streams" 45 \
        "x-api-key: $key" "anthropic-version: 2023-06-01")"
      record pb-b slow "$streams" "${line#PB_SLOW }"
    fi
  fi
  if [ "${PB_PERF_OVERLOAD:-1}" = 1 ]; then
    # 2x the measured closed-loop capacity, open loop: refusals must be well formed, admitted p99 stays low
    cap="$(awk '$1=="portbroker" && $2=="closed32" {for(i=4;i<=NF;i++){split($i,kv,"="); v[kv[1]]=kv[2]} r=v["requests"]/(v["duration_us"]/1e6); if(r>m)m=r} END{printf "%d", m}' "$raw")"
    over="${PB_PERF_OVERLOAD_RPS:-$((cap * 2))}"
    note "overload: open loop at $over rps (2x the measured $cap rps) for ${open_seconds}s"
    { echo "POST ${url[portbroker]}"; echo "content-type: application/json"; echo "$pb_headers"; echo "@${body[portbroker]}"; } > "$out/targets-portbroker.txt"
    vegeta attack -rate="$over" -duration="${open_seconds}s" -timeout=5s -max-workers=4000 -targets="$out/targets-portbroker.txt" \
      > "$out/overload.bin"
    line="$(vegeta encode --to csv < "$out/overload.bin" | python3 bench/perf/vegeta_stats.py "$over" "$open_seconds")"
    record portbroker overload 1 "${line#PB_OPEN } capacity=$cap"
    if [ -n "${PB_PERF_B:-}" ]; then   # the same rate for pb-b (the A/B compares one load)
      sed "s|${url[portbroker]}|${url[pb-b]}|" "$out/targets-portbroker.txt" > "$out/targets-pb-b.txt"
      vegeta attack -rate="$over" -duration="${open_seconds}s" -timeout=5s -max-workers=4000 -targets="$out/targets-pb-b.txt" \
        > "$out/overload-b.bin"
      line="$(vegeta encode --to csv < "$out/overload-b.bin" | python3 bench/perf/vegeta_stats.py "$over" "$open_seconds")"
      record pb-b overload 1 "${line#PB_OPEN } capacity=$cap"
    fi
  fi
  if [ "${PB_PERF_BIG:-3}" != 0 ]; then
    # N concurrent near-limit requests (a ~30 MB base64 image; the limit is 32 MB): answered or refused, never an OOM
    note "large bodies: ${PB_PERF_BIG:-3} concurrent requests of ~${PB_PERF_BIG_BYTES:-30000000} base64 characters"
    line="$(python3 bench/perf/big_bodies.py "$gw_pid" 127.0.0.1 "$gw_port" /v1/messages "$out/portbroker.log" \
      "${PB_PERF_BIG:-3}" "${PB_PERF_BIG_BYTES:-30000000}" "x-api-key: $key" "anthropic-version: 2023-06-01")"
    record portbroker big 1 "${line#PB_BIG }"
    if [ -n "${PB_PERF_B:-}" ]; then
      line="$(python3 bench/perf/big_bodies.py "$gwb_pid" 127.0.0.1 "$gwb_port" /v1/messages "$out/portbroker-b.log" \
        "${PB_PERF_BIG:-3}" "${PB_PERF_BIG_BYTES:-30000000}" "x-api-key: $key" "anthropic-version: 2023-06-01")"
      record pb-b big 1 "${line#PB_BIG }"
    fi
  fi
fi
record host load 1 "loadavg=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/') cores=$(nproc)"
python3 bench/perf/report.py "$raw" | tee "$out/table.txt"
cp "$out/table.txt" "$PB_ROOT/bench/results/perf-latest.txt"
echo "raw data: $out"

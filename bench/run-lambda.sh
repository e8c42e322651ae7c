#!/usr/bin/env bash
# Lambda cost and cold start (issue #15, item 4): the packaged functions' real entry points — the gateway's exec
# wrapper pb-stream-bootstrap (its own streaming Runtime API loop) and the admin function's handler under AWS's
# managed-runtime client (aws-lambda-java-runtime-interface-client, the one the java21 runtime runs; buffered) —
# each started from its unpacked target/function.zip against a local fake Runtime API (bench/lambda/fake_runtime.py),
# over moto (tables, secrets, config seeded by one local-stack start) and a fixed-answer nginx upstream on loopback.
# Prints one table; raw data (one JSON line per invocation) in bench/results/lambda-*/.
#
#   bench/run-lambda.sh            every configuration, interleaved rounds (~5 min)
#   bench/run-lambda.sh --smoke    the shipped configuration only, a few invocations (scripts/test-perf-smoke.sh)
#   options: --rounds N (3)  --warm N (200 gateway invocations per start; the admin gets half)  --skip-build
#            --configs "gw-c1-cds gw-c1-cds-priming" (a subset of the cold-start configurations, no warm step)
#            --archive-to FILE (only the AppCDS training run; scripts/lambda-cds-archive.sh)
#            --train-runtime DIR (only the AOT training run of the bundled runtime DIR/jre: writes DIR/portbroker.aot;
#              with --layer-out ZIP also zips DIR as the layer and checks it as below; scripts/lambda-runtime.sh)
#            --check-runtime ZIP (only one start of the shipped bundled runtime, the layer ZIP, with -XX:AOTMode=on:
#              fails unless the JVM maps the cache and the loop answers 200)
#            --layer ZIP (the bundled runtime layer for gw-bundled; default target/runtime-layer.zip when present)
#   env: PB_LAMBDA_JAVA runs the functions on another JVM (default $JAVA_HOME/bin/java)
# Cold start = JVM start -> first response, per configuration: default JVM flags, C1 only (the shipped
# JAVA_TOOL_OPTIONS), an AppCDS archive (dumped here by a training run of the same JDK: an archive only works in
# the JVM build that wrote it), both, and each with the gateway's init priming; gw-bundled is the bundled custom
# runtime exactly as shipped (GatewayRuntime=bundled): function.zip's bootstrap on the layer's jlinked JRE and
# AOT cache (both zips unpacked as /var/task and /opt), next to gw-c1-priming, today's managed-style start. The
# machine is shared: the load average is recorded; compare configurations within a run, not across runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$PB_ROOT"

smoke=0 rounds=3 warm=200 build=1 configs="" archive_to="" train_runtime="" check_runtime="" layer="" layer_out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1 rounds=1 warm=5 ;;
    --rounds) rounds="$2"; shift ;;
    --warm) warm="$2"; shift ;;
    --skip-build) build=0 ;;
    --configs) configs="$2"; shift ;;
    --archive-to) archive_to="$2"; shift ;;
    --train-runtime) train_runtime="$(cd "$2" && pwd)"; shift ;;
    --check-runtime) check_runtime="$(realpath "$2")"; shift ;;
    --layer-out) layer_out="$(realpath -m "$2")"; shift ;;
    --layer) layer="$(realpath "$2")"; shift ;;
    *) sed -n '2,25p' "$0"; exit 2 ;;
  esac
  shift
done

out="$PB_ROOT/bench/results/lambda-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
raw="$out/invocations.jsonl"
tools="$PB_ROOT/.portbroker/lambda-tools"
mkdir -p "$tools"
note() { echo "== $*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
moto_port="${PB_LAMBDA_MOTO_PORT:-$(free_port)}"
cleanup() {
  if [ -f "$out/nginx.pid" ]; then kill "$(cat "$out/nginx.pid")" 2>/dev/null || true; fi
  PB_MOTO_PORT="$moto_port" scripts/moto.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

python3 bench/lambda/fake_runtime.py self-test >&2

# ---- tools: nginx (echo module) and zip (the runtime layer) from apt; the runtime interface client from Maven Central
if ! command -v nginx >/dev/null || [ ! -f /usr/share/nginx/modules/ngx_http_echo_module.so ]; then
  note "installing nginx-light (echo module) with apt-get"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light) >"$out/apt.log" 2>&1 \
    || { echo "apt-get install nginx-light failed (see $out/apt.log)" >&2; exit 1; }
fi
if [ -n "$layer_out" ] && ! command -v zip >/dev/null; then
  note "installing zip with apt-get (the runtime layer)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zip) >"$out/apt-zip.log" 2>&1 \
    || { echo "apt-get install zip failed (see $out/apt-zip.log)" >&2; exit 1; }
fi
ric_version=2.10.1
m2="${MAVEN_REPO:-$HOME/.m2/repository}/com/amazonaws"
ric_cp="$m2/aws-lambda-java-runtime-interface-client/$ric_version/aws-lambda-java-runtime-interface-client-$ric_version.jar"
if [ ! -f "$ric_cp" ]; then
  note "fetching aws-lambda-java-runtime-interface-client $ric_version"
  timeout 300 $MVN -q dependency:get -Dartifact="com.amazonaws:aws-lambda-java-runtime-interface-client:$ric_version" \
    >"$out/ric-fetch.log" 2>&1 || { echo "could not fetch the runtime interface client (see $out/ric-fetch.log)" >&2; exit 1; }
fi
ric_cp="$ric_cp:$(find "$m2/aws-lambda-java-serialization" -name 'aws-lambda-java-serialization-*.jar' | sort | tail -1)"

# ---- packages
if [ "$build" = 1 ]; then
  note "packaging the functions and the local stack (no tests)"
  $MVN -o -q -pl functions/portbroker-fn-gateway,functions/portbroker-fn-admin,infra/portbroker-local -am package \
    -DskipTests -Djacoco.skip=true -Dspotbugs.skip=true -Dspotless.check.skip=true
fi
for fn in gateway admin; do
  mkdir -p "$out/task-$fn"
  (cd "$out/task-$fn" && unzip -q "$PB_ROOT/functions/portbroker-fn-$fn/target/function.zip")
done
# the bundled runtime layer, unpacked as Lambda mounts a layer at /opt
[ -n "$layer$check_runtime$train_runtime" ] || [ "$smoke" = 1 ] || [ ! -f functions/portbroker-fn-gateway/target/runtime-layer.zip ] \
  || layer="$PB_ROOT/functions/portbroker-fn-gateway/target/runtime-layer.zip"
[ -z "$check_runtime" ] || layer="$check_runtime"
if [ -n "$layer" ]; then
  mkdir -p "$out/opt" && (cd "$out/opt" && unzip -q "$layer")
fi

# ---- upstream, emulator, seeded tables/secrets/config/keys (one local-stack start, then stopped)
up_port="$(free_port)"
mkdir -p "$out"/nginx-{body,proxy,fastcgi,uwsgi,scgi}
sed -e "s|@DIR@|$out|g" -e "s|@PORT@|$up_port|g" -e "s|@SLOW@|60|g" bench/perf/nginx.conf.template > "$out/nginx.conf"
nginx -c "$out/nginx.conf" -e "$out/nginx-error.log"
endpoint="$(PB_MOTO_PORT="$moto_port" scripts/moto.sh)"
sed -e "s|@UPSTREAM@|http://127.0.0.1:$up_port|g" bench/perf/portbroker.yaml.template > "$out/portbroker.yaml"
key="$(java -cp functions/portbroker-core/target/classes io.portbroker.core.keys.KeyGen)"
admin_key="$(java -cp functions/portbroker-core/target/classes io.portbroker.core.keys.KeyGen)"
prefix=pblambda
aws_env=(AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1)
note "seeding the emulator through one local-stack start"
env "${aws_env[@]}" PORTBROKER_AWS_ENDPOINT="$endpoint" PORTBROKER_CONFIG="$out/portbroker.yaml" PORTBROKER_PORT=0 \
  PORTBROKER_BOOTSTRAP_KEY="$key" PORTBROKER_BOOTSTRAP_ADMIN_KEY="$admin_key" PORTBROKER_TABLE_PREFIX="$prefix" \
  PORTBROKER_LOG_LEVEL=WARN PB_BENCH_UPSTREAM_KEY=sk-bench-upstream \
  java -cp "infra/portbroker-local/target/portbroker-local.jar:infra/portbroker-local/target/lib/*" \
  io.portbroker.local.LocalStack > "$out/seed.log" 2>&1 &
seed_pid=$!
for _ in $(seq 1 1200); do grep -q "started in" "$out/seed.log" && break; kill -0 "$seed_pid" 2>/dev/null || break; sleep 0.1; done
grep -q "started in" "$out/seed.log" || { echo "seeding failed; see $out/seed.log" >&2; tail -20 "$out/seed.log" >&2; exit 1; }
kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true

# the environment template.yaml/terraform give the functions, pointed at the emulator; loopback upstream allowed
fn_env=(
  "${aws_env[@]/#/--env=}"
  --env=PORTBROKER_AWS_ENDPOINT="$endpoint" --env=PORTBROKER_ENVIRONMENT=bench --env=PORTBROKER_TABLE_PREFIX="$prefix"
  --env=PORTBROKER_PEPPER_SECRET_ARN="$prefix/key-pepper" --env=PORTBROKER_THINKING_KEY_SECRET_ARN="$prefix/thinking-key"
  --env=PORTBROKER_JWT_SECRET_ARN="$prefix/admin-jwt-secret" --env=PORTBROKER_CREDENTIALS_KEY_ARN="alias/$prefix-provider-keys"
  --env=PORTBROKER_CONFIG_PATH="/$prefix/config" --env=PORTBROKER_LOG_LEVEL=WARN --env=PB_BENCH_UPSTREAM_KEY=sk-bench-upstream
  --env=PORTBROKER_SECURITY_SSRF_ALLOWED_CIDRS=127.0.0.0/8 --env=PORTBROKER_SECURITY_SSRF_PLAIN_HTTP_HOSTS=127.0.0.1
  --env=PORTBROKER_INFRASTRUCTURE_EMF_METRICS=false
  --env=LAMBDA_TASK_ROOT="$out/task-gateway" --env=PB_JAVA="${PB_LAMBDA_JAVA:-$JAVA_HOME/bin/java}"
)
shipped_flags="$(sed -n 's/^  java_tool_options = "\(.*\)"$/\1/p' terraform/modules/portbroker/main.tf)"
[ -n "$shipped_flags" ] || { echo "no java_tool_options in terraform/modules/portbroker/main.tf" >&2; exit 1; }

# ---- events
ev() { python3 bench/lambda/fake_runtime.py event "$@"; }
printf '{"model":"bench-plain","max_tokens":64,"messages":[{"role":"user","content":"Say hello."}]}' > "$out/plain.json"
printf '{"model":"bench-stream","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"Say hello."}]}' > "$out/stream.json"
ev POST /v1/messages --body "$out/plain.json" --header "x-api-key: $key" --header 'anthropic-version: 2023-06-01' \
  --header 'content-type: application/json' > "$out/messages.event"
ev POST /v1/messages --body "$out/stream.json" --header "x-api-key: $key" --header 'anthropic-version: 2023-06-01' \
  --header 'content-type: application/json' > "$out/messages-stream.event"
ev GET /admin/v1/providers --header "x-api-key: $admin_key" > "$out/admin-providers.event"

gateway_run() {  # gateway_run LABEL WARM JAVA_TOOL_OPTIONS PRIMING(on|off) [BOOTSTRAP [RUNTIME_ROOT]]
  python3 bench/lambda/fake_runtime.py run --label "$1" --out "$raw" --log "$out/gateway-$1.log" --warm "$2" \
    --events "$out/messages.event,$out/messages-stream.event" "${fn_env[@]}" \
    --env=JAVA_TOOL_OPTIONS="$3" --env=PORTBROKER_LAMBDA_PRIMING="$4" --env=PB_RUNTIME_ROOT="${6:-$out/opt}" \
    -- "$out/task-gateway/${5:-pb-stream-bootstrap}"
}
admin_run() {    # admin_run LABEL WARM JAVA_TOOL_OPTIONS
  python3 bench/lambda/fake_runtime.py run --label "$1" --out "$raw" --log "$out/admin-$1.log" --warm "$2" \
    --events "$out/admin-providers.event" "${fn_env[@]}" --env=JAVA_TOOL_OPTIONS="$3" --env=LAMBDA_TASK_ROOT="$out/task-admin" \
    --env=PORTBROKER_AUDIT_ARCHIVE_BUCKET="$prefix-audit" --env=PORTBROKER_AUDIT_ARCHIVE_RETENTION_MODE=GOVERNANCE \
    --env=PORTBROKER_AUDIT_ARCHIVE_RETENTION_DAYS=1 \
    -- "${PB_LAMBDA_JAVA:-$JAVA_HOME/bin/java}" -cp "$out/task-admin/lib/*:$ric_cp" \
    com.amazonaws.services.lambda.runtime.api.client.AWSLambda io.portbroker.fn.admin.AdminFunction::handleRequest
}
archive="$out/task-gateway/portbroker.jsa"

# ---- the bundled runtime's AOT cache (JEP 483/514/515): a training start of the shipped bootstrap on that runtime
# records (-XX:AOTMode=record, written at exit), then the same runtime creates the cache from the recording
if [ -n "$train_runtime" ]; then
  [ -x "$train_runtime/jre/bin/java" ] || { echo "no $train_runtime/jre/bin/java" >&2; exit 1; }
  rm -f "$train_runtime/portbroker.aot"
  note "AOT cache: training run of the bundled runtime ($("$train_runtime/jre/bin/java" -version 2>&1 | head -1))"
  # MaxRAM: the function's memory, as Lambda's sandbox shows it, so that the heap (and with it compressed oops, which
  # the cache must share with the runtime) is sized as on Lambda whatever this machine's memory
  lambda_ram="-XX:MaxRAM=${PB_LAMBDA_MEMORY_MB:-1536}m"
  gateway_run train 20 "$shipped_flags -XX:AOTMode=record -XX:AOTConfiguration=$out/portbroker.aotconf $lambda_ram" on bootstrap \
    "$train_runtime" > /dev/null || { echo "the AOT training run failed (see $out/gateway-train.log)" >&2; exit 1; }
  [ -s "$out/portbroker.aotconf" ] || { echo "no AOT configuration was recorded (see $out/gateway-train.log)" >&2; exit 1; }
  cp=""
  for jar in $(cd "$out/task-gateway/lib" && LC_ALL=C ls -1 -- *.jar); do cp="$cp${cp:+:}$out/task-gateway/lib/$jar"; done
  # shellcheck disable=SC2086 # the shipped flags are a list
  "$train_runtime/jre/bin/java" $shipped_flags $lambda_ram -XX:AOTMode=create -XX:AOTConfiguration="$out/portbroker.aotconf" \
    -XX:AOTCache="$train_runtime/portbroker.aot" -cp "$cp" > "$out/aot-create.log" 2>&1 \
    || { echo "AOT cache creation failed (see $out/aot-create.log)" >&2; tail -5 "$out/aot-create.log" >&2; exit 1; }
  ls -l "$train_runtime/portbroker.aot" | awk '{printf "AOT cache written: %.1f MB\n", $5/1048576}'
  [ -n "$layer_out" ] || exit 0
  # the layer zip, then checked below exactly as Lambda mounts it (unpacked at /opt)
  rm -f "$layer_out"
  (cd "$train_runtime" && zip -q -r -X -9 "$layer_out" jre portbroker.aot)
  check_runtime="$layer_out"
  rm -rf "$out/opt" && mkdir -p "$out/opt" && (cd "$out/opt" && unzip -q "$layer_out")
fi
# ---- one start of the bundled runtime exactly as shipped, the cache required (-XX:AOTMode=on refuses to start
# without it) and the JVM's class-loading log proving the loop's classes came from it
if [ -n "$check_runtime" ]; then
  gateway_run check 1 "$shipped_flags -XX:MaxRAM=${PB_LAMBDA_MEMORY_MB:-1536}m -XX:AOTMode=on -Xlog:aot=info -Xlog:class+load=info" \
    on bootstrap > "$out/check.json" \
    || { echo "the bundled runtime did not answer (see $out/gateway-check.log)" >&2; tail -20 "$out/gateway-check.log" >&2; exit 1; }
  python3 bench/lambda/report.py "$raw" > "$out/table.txt" \
    || { echo "the bundled runtime answered, but not 200 each time:" >&2; cat "$out/table.txt" >&2; exit 1; }
  for expect in "Opened AOT cache $out/opt/portbroker.aot" \
    "io.portbroker.fn.gateway.StreamingRuntime source: shared objects file" \
    "io.portbroker.lambda.StreamingRuntimeLoop source: shared objects file"; do
    grep -qF "$expect" "$out/gateway-check.log" \
      || { echo "the JVM log of the bundled runtime lacks: $expect (see $out/gateway-check.log)" >&2; exit 1; }
  done
  shared="$(grep -c "source: shared objects file" "$out/gateway-check.log")"
  loaded="$(grep -c "\[class,load\]" "$out/gateway-check.log")"
  echo "bundled runtime check: bootstrap answered 200 twice with the AOT cache mapped ($shared of $loaded classes from it)"
  exit 0
fi

# ---- the AppCDS archive: one training start (a few invocations of both kinds), dumped at exit by this JDK
if [ "$smoke" = 0 ]; then
  note "AppCDS: training run of the gateway ($("${PB_LAMBDA_JAVA:-$JAVA_HOME/bin/java}" -version 2>&1 | head -1))"
  gateway_run train 20 "$shipped_flags -XX:ArchiveClassesAtExit=$out/portbroker.jsa" on > /dev/null
  [ -s "$out/portbroker.jsa" ] || { echo "no AppCDS archive was written (see $out/gateway-train.log)" >&2; exit 1; }
  ls -l "$out/portbroker.jsa" | awk '{printf "archive: %.1f MB\n", $5/1048576}' > "$out/archive.txt"
  if [ -n "$archive_to" ]; then
    cp "$out/portbroker.jsa" "$archive_to"
    echo "AppCDS archive written to $archive_to ($(cat "$out/archive.txt"))"
    exit 0
  fi
fi
cds() { if [ "$1" = on ]; then cp "$out/portbroker.jsa" "$archive"; else rm -f "$archive"; fi; }

echo "{\"host\":{\"loadavg_start\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"cores\":$(nproc),\"java\":\"$("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | tr -d '"')\",\"flags\":\"$shipped_flags\"}}" >> "$raw"
if [ "$smoke" = 1 ]; then
  gateway_run gw-shipped "$warm" "$shipped_flags" on >&2
  admin_run admin-shipped "$warm" "$shipped_flags" >&2
else
  # configuration: label, JAVA_TOOL_OPTIONS, archive, priming; rounds interleave every configuration
  cold() {  # cold CONFIG: one cold start of that configuration
    case "$1" in
      gw-default) cds off; gateway_run gw-default 0 "" off ;;
      gw-c1) cds off; gateway_run gw-c1 0 "$shipped_flags" off ;;
      gw-cds) cds on; gateway_run gw-cds 0 "" off ;;
      gw-c1-cds) cds on; gateway_run gw-c1-cds 0 "$shipped_flags" off ;;
      gw-c1-priming) cds off; gateway_run gw-c1-priming 0 "$shipped_flags" on ;;
      gw-c1-cds-priming) cds on; gateway_run gw-c1-cds-priming 0 "$shipped_flags" on ;;
      gw-bundled) cds off; gateway_run gw-bundled 0 "$shipped_flags" on bootstrap ;;
      admin-default) cds off; admin_run admin-default 0 "" ;;
      admin-c1) cds off; admin_run admin-c1 0 "$shipped_flags" ;;
      *) echo "unknown configuration $1" >&2; return 2 ;;
    esac
  }
  all="gw-default gw-c1 gw-cds gw-c1-cds gw-c1-priming gw-c1-cds-priming admin-default admin-c1"
  [ -z "$layer" ] || all="$all gw-bundled"
  for r in $(seq 1 "$rounds"); do
    note "round $r of $rounds"
    for c in ${configs:-$all}; do cold "$c" >&2; done
  done
  [ -z "$configs" ] || warm=0
  if [ "$warm" -gt 0 ]; then
    note "warm invocations: gateway (shipped flags, primed) x $warm, admin x $((warm / 2)), default flags vs shipped"
    cds off
    gateway_run gw-shipped "$warm" "$shipped_flags" on >&2
    [ -z "$layer" ] || gateway_run gw-bundled "$warm" "$shipped_flags" on bootstrap >&2
    gateway_run gw-default "$warm" "" off >&2
    admin_run admin-shipped "$((warm / 2))" "$shipped_flags" >&2
    admin_run admin-default "$((warm / 2))" "" >&2
  fi
fi
echo "{\"host\":{\"loadavg_end\":\"$(cut -d' ' -f1-3 /proc/loadavg)\"}}" >> "$raw"
python3 bench/lambda/report.py "$raw" | tee "$out/table.txt"
[ "$smoke" = 1 ] || cp "$out/table.txt" "$PB_ROOT/bench/results/lambda-latest.txt"
echo "raw data: $out"

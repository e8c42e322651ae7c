#!/usr/bin/env bash
# The gateway's bundled runtime (GatewayRuntime=bundled in template.yaml, gateway_runtime = "bundled" in terraform/):
# a Lambda layer, functions/portbroker-fn-gateway/target/runtime-layer.zip, holding
#   jre/             a Java runtime jlinked from Temurin 25 (x86_64, built against an old glibc, so it runs on
#                    provided.al2023) with just the modules the function's jars need (jdeps), no debug data, no
#                    man pages, no headers
#   portbroker.aot   the AOT cache (JEP 483/514/515: classes loaded and linked, heap objects, method profiles) that
#                    this same runtime wrote from a training run of the packaged gateway (bench/run-lambda.sh
#                    --train-runtime: the bootstrap of function.zip over moto and a loopback upstream, 20 buffered
#                    and streamed invocations), then checked: one start of both zips exactly as shipped, with
#                    -XX:AOTMode=on, must answer 200 with the cache mapped (same run, --layer-out).
# A cache only maps in the JVM build that wrote it; that is why the JVM ships with it. function.zip's `bootstrap`
# runs /opt/jre/bin/java with /opt/portbroker.aot; the function zip itself is unchanged (FunctionZipIT's < 48 MB).
#
#   scripts/lambda-runtime.sh        after ./mvnw package (needs the gateway's function.zip and infra/portbroker-local)
#   env: PB_RUNTIME_JDK (/usr/lib/jvm/temurin-25-jdk-amd64) the JDK whose jlink, jdeps and runtime are shipped
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
start=$SECONDS
jdk="${PB_RUNTIME_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$jdk/bin/jlink" ] || { echo "lambda-runtime: no jlink in $jdk (set PB_RUNTIME_JDK to a JDK 25 for x86_64)" >&2; exit 1; }
props="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1)"
spec="$(sed -n 's/^ *java.specification.version = //p' <<<"$props")"
arch="$(sed -n 's/^ *os.arch = //p' <<<"$props")"
if [ "${spec%%.*}" -lt 25 ] || [ "$arch" != amd64 ]; then
  echo "lambda-runtime: $jdk is Java $spec on $arch; the bundled runtime is Java 25+ on x86_64 (amd64)" >&2
  exit 1
fi
target="functions/portbroker-fn-gateway/target"
[ -f "$target/function.zip" ] || { echo "lambda-runtime: no $target/function.zip: run ./mvnw package first" >&2; exit 1; }
layer="$target/runtime-layer"
rm -rf "$layer" "$target/runtime-layer.zip"
mkdir -p "$layer"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && unzip -q "$PB_ROOT/$target/function.zip")

# the modules the jars need (jdeps), plus the service providers jdeps cannot see: jdk.zipfs (Micronaut reads its
# service entries through the jar file system)
modules="$("$jdk/bin/jdeps" -q --multi-release 25 --ignore-missing-deps --print-module-deps \
  --class-path "$work/lib/*" "$work"/lib/*.jar),jdk.zipfs"
echo "lambda-runtime: jlink $modules ($("$jdk/bin/java" -version 2>&1 | sed -n 2p))"
# The module image stays uncompressed: the zip compresses it better (18 MB instead of 26 MB for a zip-6 image) and
# classes the cache lacks load without inflating. java.desktop is there for java.beans only: its AWT, font, image
# and sound libraries are left out (nothing headless loads them; 6 MB).
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --exclude-files='**/libawt*.so,**/libfontmanager.so,**/libfreetype.so,**/libmlib_image.so,**/liblcms.so,**/libsplashscreen.so,**/libjavajpeg.so,**/libjsound.so' \
  --output "$layer/jre"

bench/run-lambda.sh --skip-build --train-runtime "$layer" --layer-out "$target/runtime-layer.zip"
# Lambda's limits: 50 MB zipped for a direct upload (terraform uploads the layer directly), 250 MB unzipped for the
# function and its layers together
zipped="$(stat -c %s "$target/runtime-layer.zip")"
unzipped="$(du -sb "$layer" | cut -f1)"
fn_unzipped="$(du -sb "$work" | cut -f1)"
awk -v z="$zipped" -v u="$unzipped" -v f="$fn_unzipped" -v s=$((SECONDS - start)) -v p="$target/runtime-layer.zip" \
  'BEGIN {printf "lambda-runtime: %s %.1f MB zipped, %.0f MB unzipped (+ function %.0f MB) in %d s\n", p, z/1048576, u/1048576, f/1048576, s}'
if [ "$zipped" -ge $((50 * 1024 * 1024)) ] || [ $((unzipped + fn_unzipped)) -ge $((250 * 1024 * 1024)) ]; then
  echo "lambda-runtime: over Lambda's limits (layer 50 MB zipped, function + layers 250 MB unzipped)" >&2
  exit 1
fi

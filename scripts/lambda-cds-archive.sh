#!/usr/bin/env bash
# Adds an AppCDS archive (portbroker.jsa) to the gateway's function.zip, for the exec wrapper to map at cold start
# (-43 % JVM start -> first response in bench/run-lambda.sh). An archive only works in the JVM build that wrote it
# (same version string, same CPU architecture); any other JVM ignores it (-Xshare:auto) and starts as without. So
# this step runs where the JVM matches Lambda's: an arm64 host (the functions are arm64) with the Amazon Corretto 21
# build of the java21 runtime (e.g. the runtime's base image), and refuses anywhere else.
#
#   PB_CDS_JAVA=/path/to/corretto-21/bin/java scripts/lambda-cds-archive.sh   after ./mvnw package
#   PB_CDS_FORCE=1 ...   writes the archive with any JVM (to try the mechanics; Lambda will ignore that archive)
# The training run is bench/run-lambda.sh's (the packaged gateway over moto, a loopback upstream, a few invocations).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$PB_ROOT"
java="${PB_CDS_JAVA:-$JAVA_HOME/bin/java}"
props="$("$java" -XshowSettings:properties -version 2>&1)"
spec="$(sed -n 's/^ *java.specification.version = //p' <<<"$props")"
arch="$(sed -n 's/^ *os.arch = //p' <<<"$props")"
vendor="$(sed -n 's/^ *java.vendor = //p' <<<"$props")"
if [ "$spec" != 21 ] || [ "$arch" != aarch64 ] || [[ "$vendor" != *Amazon* ]]; then
  if [ "${PB_CDS_FORCE:-0}" != 1 ]; then
    echo "lambda-cds-archive: $java is Java $spec on $arch ($vendor), Lambda's java21 arm64 runtime would ignore its" >&2
    echo "archive; run this with PB_CDS_JAVA set to Amazon Corretto 21 on arm64 (PB_CDS_FORCE=1 to write it anyway)" >&2
    exit 3
  fi
  echo "lambda-cds-archive: PB_CDS_FORCE=1: writing an archive Lambda will ignore (Java $spec, $arch, $vendor)" >&2
fi
zip_file="functions/portbroker-fn-gateway/target/function.zip"
[ -f "$zip_file" ] || { echo "no $zip_file: run ./mvnw package first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
PB_LAMBDA_JAVA="$java" bench/run-lambda.sh --skip-build --archive-to "$work/portbroker.jsa"
python3 - "$zip_file" "$work/portbroker.jsa" <<'PY'
import sys, zipfile
zip_path, archive = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(zip_path) as z:
    if "portbroker.jsa" in z.namelist():
        sys.exit(f"{zip_path} already holds portbroker.jsa (package again first)")
with zipfile.ZipFile(zip_path, "a", compression=zipfile.ZIP_DEFLATED) as z:
    info = zipfile.ZipInfo.from_file(archive, "portbroker.jsa")
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    with open(archive, "rb") as f:
        z.writestr(info, f.read())
PY
ls -l "$zip_file" | awk '{printf "lambda-cds-archive: %s now %.1f MB (with portbroker.jsa)\n", $9, $5/1048576}'

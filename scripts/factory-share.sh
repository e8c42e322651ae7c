#!/usr/bin/env bash
# Prints the share of test classes that build domain models by hand instead of through the factories
# (io.portbroker.core.testing: Providers, Routes, Targets, Keys in core's test-jar; io.portbroker.protocol.testing:
# Requests, IrRequests in protocol's test-jar; the testkit's Providers/Routes/Keys/Requests hand those out, and its
# upstream Replies script the fakes). A test class counts as "by hand" when it
# calls a model constructor (ProviderConfig, ModelRoute, RouteTarget, ApiKeyRecord, NormalizedRequest) or holds a
# raw Messages request literal ("messages": in a string). Factories themselves, and tests OF those constructors
# (*RecordsTest, the builders' own test), are not counted. Exit 1 when the share is above FACTORY_SHARE_MAX (15),
# listing the classes that count; -v lists them always.
set -euo pipefail
cd "$(dirname "$0")/.."
max="${FACTORY_SHARE_MAX:-15}"
pattern='new (ProviderConfig|ModelRoute|RouteTarget|ApiKeyRecord|NormalizedRequest)\(|\\"messages\\"[[:space:]]*:|"messages"[[:space:]]*:'
mapfile -t tests < <(grep -rlE --include='*.java' '@(Test|ParameterizedTest)' $(find . -path '*/src/test/java' -type d -not -path '*/node_modules/*') \
  | grep -vE '/(RoutingRecordsTest|KeyRecordsTest|BuildersTest)\.java$' | sort)
by_hand=()
for f in "${tests[@]}"; do
  if grep -qE "$pattern" "$f"; then by_hand+=("$f"); fi
done
total=${#tests[@]}
count=${#by_hand[@]}
share=$(( total > 0 ? (count * 1000 / total + 5) / 10 : 0 ))
if [ "${1:-}" = "-v" ] || [ "$share" -gt "$max" ]; then
  if [ "$count" -gt 0 ]; then printf '  %s\n' "${by_hand[@]}"; fi
fi
echo "== factory share: $count of $total test classes build models by hand ($share %, limit $max %)"
if [ "$share" -gt "$max" ]; then
  echo "   ABOVE THE LIMIT: build the models above with the factories (see the header of this script)" >&2
  exit 1
fi


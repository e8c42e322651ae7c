#!/usr/bin/env bash
# The JVM flags of the local stack, printed on one line: ./pb local (scripts/local.sh) and the performance harness
# (bench/run-perf.sh) both start the gateway with them, so what is measured is what runs. Measured in issue #15
# with 500 open streams (bench/run-perf.sh, NMT + heap histograms in PB_PERF_NMT_DIR):
#   - the heap, not native memory, is what grew: G1 on this 24 GB box sizes for a 6 GB maximum and committed
#     ~950 MB under load while ~170 MB was in use; live data with 500 streams open is ~70 MB
#   - everything else is ~170 MB (class metadata / the AppCDS mapping ~70, JIT code ~25, malloc ~35)
#   - SerialGC: on 2 cores with a heap this small it has the least overhead (no G1 remembered sets, no
#     concurrent threads), and it is what the JVM itself picks on a machine with fewer than 2 CPUs
# Override with PB_LOCAL_JAVA_OPTS (empty: the JVM's own defaults).
if [ -n "${PB_LOCAL_JAVA_OPTS+set}" ]; then
  echo "$PB_LOCAL_JAVA_OPTS"
else
  echo "-XX:+UseSerialGC -Xms32m -Xmx96m"
fi

#!/usr/bin/env bash
# The JVM flags of the local stack, printed on one line: ./pb local (scripts/local.sh) and the performance harness
# (bench/run-perf.sh) both start the gateway with them, so what is measured is what runs. Measured in issue #15
# with 500 open streams (bench/run-perf.sh, NMT + heap histograms in PB_PERF_NMT_DIR):
#   - the heap, not native memory, is what grew: G1 on this 24 GB box sizes for a 6 GB maximum and committed
#     ~950 MB under load while ~170 MB was in use; live data with 500 streams open is ~70 MB
#   - everything else is ~170 MB (class metadata / the AppCDS mapping ~70, JIT code ~25, malloc ~35)
#   - SerialGC: on 2 cores with a heap this small it has the least overhead (no G1 remembered sets, no
#     concurrent threads), and it is what the JVM itself picks on a machine with fewer than 2 CPUs
#   - -Xmx is sized for the largest valid requests, not for the streams: a 28.6 MB request (a base64 image; the body
#     limit is 32 MB) needs ~120-130 MB of heap while it is decoded and re-encoded (the base64 string is held as
#     JSON text, IR string, data URL and the encoded upstream body). Measured with bench/run-perf.sh's large-body
#     step (3 concurrent such requests, 2026-12-03): -Xmx96m -> OutOfMemoryError, 500 for every one; -Xmx384m with
#     the body budget (portbroker.overload.max-body-bytes-in-flight, 64 MB: two at once, the third gets 529
#     before it is buffered) -> 200, 200, 529, no OOM, peak RSS 728 MB. 384 MB = ~70 MB live with 500 streams
#     + 2 x ~130 MB + headroom; lower the heap only together with that budget. The heap grows only when used:
#     RSS with 500 open streams was 326 MB (vs 291 MB with -Xmx96m in the same run).
#   - session 5 (RSS with 500 open streams, A/B in one run each, load 10-13; +-10 MB is noise here):
#     -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 let a full GC give heap back (after a burst of large bodies)
#     instead of keeping 40-70 % free, and MALLOC_ARENA_MAX=2 (set by the launchers, not a JVM flag: glibc keeps an
#     arena per busy thread and C2's peak arenas stay resident). Runs: both (+ -XX:TrimNativeHeapInterval=1000
#     -XX:ArchiveRelocationMode=0) 313 -> 290 MB; MALLOC_ARENA_MAX=2 alone 304 -> 295; both + -Xmn24m 313 -> 309;
#     ArchiveRelocationMode=0 alone 312 -> 310, with TrimNativeHeapInterval and MaxHeapFreeRatio=30 320 -> 317
#     (those two left out). Large-body step unchanged (200:2, 529:1, no OOM). With the AppCDS archive the kept
#     flags' effect is within the noise (304 MB with the old flags, 305 MB with these, in two runs). What is left is not flags: the heap's
#     old generation (~110 MB committed, ~60 MB live with the streams), the AppCDS mapping 84 MB, JIT code 31-34 MB,
#     metaspace 13 MB, malloc 22-27 MB.
#   - measured and NOT kept: Netty's classic pooled allocator with two arenas instead of 4.2's adaptive one
#     (-Dio.netty.allocator.type=pooled -Dio.netty.allocator.numHeapArenas=2 -Dio.netty.allocator.numDirectArenas=2).
#     Without the AppCDS archive it cut RSS with 500 streams by 49-56 MB in three runs (330 -> 281, 337 -> 281,
#     324 -> 270 with the flags above), but with the archive, which is what runs, only 304 -> 300 and 305 -> 295, and
#     its closed loop was 1,459 vs 3,983 rps in one of those runs (better in two others): not worth the risk.
# Override with PB_LOCAL_JAVA_OPTS (empty: the JVM's own defaults).
if [ -n "${PB_LOCAL_JAVA_OPTS+set}" ]; then
  echo "$PB_LOCAL_JAVA_OPTS"
else
  echo "-XX:+UseSerialGC -Xms32m -Xmx384m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"
fi

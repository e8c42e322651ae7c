#!/usr/bin/env python3
"""Summarise an async-profiler collapsed-stack file ("frame;frame;... count" lines, root first).

    python3 bench/perf/profile_split.py profile-cpu.collapsed [N] [--match SUBSTRING]

Prints (1) the split of all samples into exclusive groups: JIT compiler threads, GC, other VM threads, then by the
sample's top (self) frame — socket write / read-and-poll / futex syscalls, Netty, Micronaut, Jackson, Reactor,
PortBroker, other (a JDK library frame counts for its nearest caller outside the JDK); (2) the top self frames;
(3) the deepest PortBroker frame of each sample; (4) the top PortBroker frames, inclusive (once per sample). With --match only samples whose stack holds SUBSTRING count. For event=alloc the counts are bytes.
"""
import collections
import sys

THREADS = (  # (group, substrings of any frame): the thread kinds that are not request work
    ("JIT compiler threads", ("CompileBroker::", "C2Compiler::", "Compilation::compile")),
    ("GC", ("VM_GenCollect", "VM_CollectFor", "GCTaskThread", "G1", "SerialHeap::", "GenCollectedHeap::",
            "WorkerThread::run", "ConcurrentGCThread")),
    ("other VM threads", ("VMThread::", "WatcherThread::", "ServiceThread::", "MonitorDeflationThread")),
)
SYSCALLS = (  # (group, prefixes of the self frame when it is a native libc symbol, leading _ ignored)
    ("socket write syscalls", ("write", "libc_write", "send", "libc_send", "GI___writev", "GI___send")),
    ("socket read / poll syscalls", ("read", "libc_read", "recv", "libc_recv", "epoll_wait", "GI_epoll_wait",
                                     "poll", "accept")),
    ("futex / thread signalling", ("futex", "pthread_cond", "syscall", "lll_lock", "lll_unlock", "pthread_mutex")),
)
PACKAGES = (("Netty", "io.netty."), ("Micronaut", "io.micronaut."), ("Jackson", "com.fasterxml.jackson."),
            ("Reactor", "reactor."), ("Micrometer", "io.micrometer."), ("OpenTelemetry", "io.opentelemetry."),
            ("AWS SDK", "software.amazon."), ("PortBroker", "io.portbroker."),
            ("JDK", ("java.", "jdk.", "sun.", "javax.")))


def java(frame):
    """A Java frame as dotted Class.method (async-profiler writes slashes and may add a _[j]/_[i] suffix)."""
    return frame.split("_[")[0].replace("/", ".")


def group(frames):
    for name, marks in THREADS:
        if any(m in f for f in frames for m in marks):
            return name
    leaf = frames[-1].split("_[")[0].lstrip("_")
    if "/" not in leaf and "." not in leaf:  # a native symbol, not a Java frame
        for name, prefixes in SYSCALLS:
            if any(leaf.startswith(p.lstrip("_")) for p in prefixes):
                return name
    jdk = False
    for f in reversed(frames):  # from the top frame down: JDK library frames count for their nearest caller
        j = java(f)
        for name, prefix in PACKAGES:
            if j.startswith(prefix):
                if name != "JDK":
                    return name
                jdk = True
    return "JDK (no caller outside it: virtual-thread scheduling, ...)" if jdk else "other (native, VM)"


def main():
    args = sys.argv[1:]
    path, n, match = None, 15, None
    while args:
        a = args.pop(0)
        if a == "--match":
            match = args.pop(0)
        elif path is None:
            path = a
        else:
            n = int(a)
    groups, self_c, pb, deepest = (collections.Counter() for _ in range(4))
    total = 0
    for line in open(path, encoding="utf-8", errors="replace"):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        if match and not any(match in java(f) for f in frames):
            continue
        c = int(count)
        total += c
        groups[group(frames)] += c
        self_c[java(frames[-1])] += c
        ours = [java(f) for f in frames if java(f).startswith("io.portbroker.")]
        for f in set(ours):
            pb[f] += c
        if ours:
            deepest[ours[-1]] += c
    print(f"samples: {total}" + (f" (stacks holding {match})" if match else ""))
    for title, counter, k in (("split (exclusive)", groups, len(groups)), ("top self frames", self_c, n),
                              ("deepest PortBroker frame", deepest, n), ("top PortBroker frames (inclusive)", pb, n)):
        print(f"-- {title}")
        for name, v in counter.most_common(k):
            print(f"{100.0 * v / max(total, 1):6.1f}%  {name}")


if __name__ == "__main__":
    main()

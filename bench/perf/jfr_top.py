#!/usr/bin/env python3
"""Summarise a JFR recording's CPU samples: top self frames, top inclusive frames, and frames grouped by package.

    jfr print --json --events jdk.ExecutionSample rec.jfr | python3 bench/perf/jfr_top.py [N] [--match SUBSTRING]

Self = the top frame of a sample; inclusive = anywhere on the sample's stack (counted once per sample). With
--match, only samples whose stack holds SUBSTRING are counted (e.g. --match JdkUpstreamTransport).
"""
import collections
import json
import sys


def frames(event):
    stack = event["values"].get("stackTrace") or {}
    for f in stack.get("frames") or []:
        m = f["method"]
        yield m["type"]["name"].replace("/", ".") + "." + m["name"]


def main():
    args = sys.argv[1:]
    n = 25
    match = None
    while args:
        a = args.pop(0)
        if a == "--match":
            match = args.pop(0)
        else:
            n = int(a)
    events = json.load(sys.stdin)["recording"]["events"]
    self_c, incl, pkg = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for e in events:
        fs = list(frames(e))
        if not fs or (match and not any(match in f for f in fs)):
            continue
        total += 1
        self_c[fs[0]] += 1
        for f in set(fs):
            incl[f] += 1
        pkg[".".join(fs[0].split(".")[:3])] += 1
    print(f"samples: {total}" + (f" (stacks holding {match})" if match else ""))
    for title, c in (("self", self_c), ("inclusive", incl), ("self by package", pkg)):
        print(f"-- top {title}")
        for name, k in c.most_common(n):
            print(f"{100.0 * k / max(total, 1):6.1f}%  {k:6d}  {name}")


if __name__ == "__main__":
    main()

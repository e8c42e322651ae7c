#!/usr/bin/env python3
"""Prints the table of bench/run-lambda.sh from its invocations.jsonl: cold starts per configuration (median of the
interleaved rounds, min-max) and warm invocations per function, configuration and event (p50/p99)."""
import json
import math
import statistics
import sys
from collections import defaultdict

# Lambda us-east-1 list prices (duration per GB-second: arm64, and x86_64 for the bundled runtime, ~25 % more;
# requests per million); the functions' memory sizes
ARM_GB_SECOND = 0.0000133334
X86_GB_SECOND = 0.0000166667
PER_MILLION_REQUESTS = 0.20
MEMORY_MB = {"gw": 1536, "admin": 1024}


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(p / 100 * len(s)) - 1))]


def spread(values, digits=0):
    if not values:
        return "-"
    med = statistics.median(values)
    fmt = f"{{:.{digits}f}}"
    if len(values) == 1:
        return fmt.format(med)
    return f"{fmt.format(med)} ({fmt.format(min(values))}-{fmt.format(max(values))})"


def main(path):
    summaries, invocations, host = [], [], {}
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            if "summary" in row:
                summaries.append(row["summary"])
            elif "host" in row:
                host.update(row["host"])
            else:
                invocations.append(row)
    print(f"Lambda cost and cold start, local Runtime API (host: {host.get('cores')} cores, load average "
          f"{host.get('loadavg_start')} -> {host.get('loadavg_end')}; {host.get('java')})")
    print(f"shipped JAVA_TOOL_OPTIONS: {host.get('flags')}")
    print()
    print("Cold start (JVM start -> first response), median of the rounds (min-max):")
    print(f"{'configuration':<22}{'n':>3}  {'init ms':<20}{'1st invoke ms':<18}{'start->1st resp ms':<22}"
          f"{'CPU ms':<20}{'billed ms':<22}{'1st status':<10}")
    by_label = defaultdict(list)
    for s in summaries:
        if s.get("label") != "train":
            by_label[s["label"]].append(s)
    failed = []
    for label, rows in by_label.items():
        ok = [r for r in rows if r.get("ok") and "cold_start_ms" in r]
        failed += [f"{label}: {r.get('error')}" for r in rows if not r.get("ok")]
        if not ok:
            continue
        billed = [math.ceil(r["init_ms"]) + math.ceil(r["first_invoke_ms"]) for r in ok]
        print(f"{label:<22}{len(ok):>3}  {spread([r['init_ms'] for r in ok]):<20}"
              f"{spread([r['first_invoke_ms'] for r in ok]):<18}{spread([r['cold_start_ms'] for r in ok]):<22}"
              f"{spread([r['cold_cpu_ms'] for r in ok]):<20}{spread(billed):<22}"
              f"{','.join(sorted({str(r.get('first_status')) for r in ok})):<10}")
    print()
    print("Warm invocations (after the first; p50 / p99; $ per 1M at the arm64 price, x86_64 for bundled):")
    print(f"{'function / config':<20}{'event':<17}{'n':>5}  {'wall ms':<16}{'CPU ms':<16}{'billed ms':<12}"
          f"{'1st byte ms':<13}{'$ / 1M':<15}{'status':<8}")
    warm = defaultdict(list)
    for r in invocations:
        if r["i"] > 0 and r["label"] != "train":
            warm[(r["label"], r["event"])].append(r)
    for (label, event), rows in warm.items():
        wall = [r["wall_ms"] for r in rows]
        cpu = [r["cpu_ms"] for r in rows]
        billed = [r["billed_ms"] for r in rows]
        fb = [r["first_byte_ms"] for r in rows]
        mem_gb = MEMORY_MB["admin" if label.startswith("admin") else "gw"] / 1024
        price = X86_GB_SECOND if "bundled" in label else ARM_GB_SECOND  # bundled: provided.al2023 on x86_64
        cost = statistics.mean(billed) / 1000 * mem_gb * price * 1e6 + PER_MILLION_REQUESTS
        statuses = ",".join(sorted({str(r["status"]) for r in rows}))
        print(f"{label:<20}{event:<17}{len(rows):>5}  {pct(wall, 50):.2f} / {pct(wall, 99):<8.2f}"
              f"{pct(cpu, 50):.2f} / {pct(cpu, 99):<8.2f}{pct(billed, 50)} / {pct(billed, 99):<7}"
              f"{pct(fb, 50):<13.2f}{cost:<15.2f}{statuses:<8}")
    not_ok = [r for r in invocations if r["label"] != "train" and r["status"] != 200]
    if not_ok:
        failed.append(f"{len(not_ok)} invocations not answered 200 (first: {not_ok[0]})")
    if failed:
        print()
        print("failed: " + "; ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

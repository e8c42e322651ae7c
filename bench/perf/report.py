"""Prints bench/run-perf.sh's table from its raw.txt ("system step round key=value ...").

Medians over rounds; ratios to direct (latency added, throughput share) and PortBroker's ratio to each peer.
"""
import statistics
import sys
from collections import defaultdict


def parse(path):
    data = defaultdict(lambda: defaultdict(list))  # system -> step -> [dict]
    for line in open(path):
        parts = line.split()
        if len(parts) < 3:
            continue
        kv = {}
        for p in parts[3:]:
            if "=" in p:
                k, v = p.split("=", 1)
                try:
                    kv[k] = float(v)
                except ValueError:
                    kv[k] = v
        data[parts[0]][parts[1]].append(kv)
    return data


def med(rows, key, f=lambda v: v):
    vals = [f(r) for r in rows if key in r]
    return statistics.median(vals) if vals else None


def fmt(v, spec="%.2f"):
    return "-" if v is None else spec % v


def main():
    data = parse(sys.argv[1])
    systems = [s for s in ("direct", "portbroker", "pb-b", "litellm", "ccr") if s in data]
    summary = {}
    for s in systems:
        seq, closed = data[s].get("sequential", []), data[s].get("closed32", [])
        rps = med(closed, "requests", lambda r: r["requests"] / (r["duration_us"] / 1e6))
        cpu = med(closed, "cpu_ticks", lambda r: r["cpu_ticks"] * 1000.0 / r["hz"] / max(1.0, r["requests"]))
        summary[s] = {
            "seq_p50": med(seq, "p50", lambda r: r["p50"] / 1000), "seq_p99": med(seq, "p99", lambda r: r["p99"] / 1000),
            "rps": rps, "c_p50": med(closed, "p50", lambda r: r["p50"] / 1000),
            "c_p99": med(closed, "p99", lambda r: r["p99"] / 1000), "cpu": cpu,
            "errors": sum(int(r.get("non2xx", 0) + r.get("timeout", 0) + r.get("connect", 0) + r.get("read", 0))
                          for r in seq + closed),
        }
    d = summary.get("direct", {})
    print("Sequential and closed loop (medians of rounds; latency in ms)")
    print("%-11s %9s %9s %10s %10s %9s %9s %9s %8s %8s %7s" % (
        "system", "seq p50", "seq p99", "+p50 vs d", "rps(32c)", "% direct", "p50(32c)", "p99(32c)", "p99/p50",
        "CPU-ms/r", "errors"))
    for s in systems:
        x = summary[s]
        added = x["seq_p50"] - d["seq_p50"] if d.get("seq_p50") is not None and x["seq_p50"] is not None else None
        share = 100.0 * x["rps"] / d["rps"] if d.get("rps") and x["rps"] else None
        tail = x["c_p99"] / x["c_p50"] if x["c_p50"] else None
        print("%-11s %9s %9s %10s %10s %9s %9s %9s %8s %8s %7d" % (
            s, fmt(x["seq_p50"], "%.3f"), fmt(x["seq_p99"], "%.3f"), fmt(added, "%+.3f"), fmt(x["rps"], "%.0f"),
            fmt(share, "%.1f%%"), fmt(x["c_p50"]), fmt(x["c_p99"]), fmt(tail, "%.1f"), fmt(x["cpu"], "%.3f"),
            x["errors"]))
    pb = summary.get("portbroker")
    for peer in ("litellm", "ccr"):
        if pb and peer in summary and summary[peer]["rps"]:
            print("PortBroker vs %s: %.1fx the throughput, %+.3f ms sequential p50" % (
                peer, pb["rps"] / summary[peer]["rps"], pb["seq_p50"] - summary[peer]["seq_p50"]))
    curves = [s for s in systems if data[s].get("warmup")]
    if curves:
        print("\nWarm-up from cold (closed loop, 32 connections): rps per 2 s window")
        for s in curves:
            rates = [r["requests"] / (r["duration_us"] / 1e6) for r in data[s]["warmup"] if r.get("duration_us")]
            print("%-11s %s" % (s, " ".join("%.0f" % v for v in rates)))
    opens = sorted({k for s in systems for k in data[s] if k.startswith("open")}, key=lambda k: int(k[4:]))
    if opens:
        print("\nOpen loop (vegeta, constant arrival): achieved rps / success / p50 / p99 ms")
        print("%-11s " % "system" + " ".join("%28s" % ("@" + k[4:] + " rps") for k in opens))
        for s in systems:
            cells = []
            for k in opens:
                r = data[s].get(k, [{}])[0]
                cells.append("%28s" % ("%s / %s / %s / %s" % (
                    fmt(r.get("achieved"), "%.0f"), fmt(100 * r["success"] if "success" in r else None, "%.1f%%"),
                    fmt(r.get("p50_ms")), fmt(r.get("p99_ms")))))
            print("%-11s " % s + " ".join(cells))
            codes = [data[s].get(k, [{}])[0].get("codes", "") for k in opens]
            print("%-11s " % "" + " ".join("%28s" % ("codes " + str(c))[:28] for c in codes))
    if "stream" in data.get("portbroker", {}) and "stream" in data.get("direct", {}):
        p, q = data["portbroker"]["stream"][0], data["direct"]["stream"][0]
        print("\nStreaming (sequential, ms): first byte p50/p99, last byte p50/p99")
        rows = [("direct", q), ("portbroker", p)]
        if "stream" in data.get("pb-b", {}):
            rows.append(("pb-b", data["pb-b"]["stream"][0]))
        for name, r in rows:
            print("%-11s %8s %8s %8s %8s errors=%d" % (name, fmt(r["ttfb_p50_ms"], "%.3f"), fmt(r["ttfb_p99_ms"], "%.3f"),
                                                      fmt(r["last_p50_ms"], "%.3f"), fmt(r["last_p99_ms"], "%.3f"),
                                                      int(r["errors"])))
        for name, r in rows[1:]:
            line = "%s adds %+.3f ms to the first byte, %+.3f ms to the last (p50)" % (
                "PortBroker" if name == "portbroker" else name,
                r["ttfb_p50_ms"] - q["ttfb_p50_ms"], r["last_p50_ms"] - q["last_p50_ms"])
            if "ttfb_paired_p50_ms" in r:  # interleaved: the median of the per-round differences
                line += "; paired per round %+.3f / %+.3f ms" % (r["ttfb_paired_p50_ms"], r["last_paired_p50_ms"])
            print(line)
    for s in ("portbroker", "pb-b"):
        if "slow" in data.get(s, {}):
            r = data[s]["slow"][0]
            print("\nMemory (%s): RSS %s MB with %d slow streams open (%d failed)" % (
                s, fmt(r.get("rss_mb"), "%.0f"), int(r.get("opened", 0)), int(r.get("failed", 0))))
    for s in ("portbroker", "pb-b"):
        if "overload" not in data.get(s, {}):
            continue
        r = data[s]["overload"][0]
        unloaded = summary[s]["seq_p99"]
        print("\nOverload (%s) at %d rps (2x the measured %d): success %.1f%%, codes %s, refusals well formed %d/%d, "
              "admitted p50 %s / p99 %.2f ms (%.1fx the unloaded sequential p99 %.2f ms)" % (
                  s, r["rate"], r.get("capacity", 0), 100 * r["success"], r.get("codes"), r["refused_well_formed"],
                  r["refused"], fmt(r.get("ok_p50_ms")), r["ok_p99_ms"],
                  r["ok_p99_ms"] / unloaded if unloaded else float("nan"), unloaded or 0))
    for s in ("portbroker", "pb-b"):
        for r in data.get(s, {}).get("big", []):
            print("\nLarge bodies (%s): %d concurrent requests of %.1f MB (base64 image): codes %s, "
                  "OutOfMemoryError %s, alive %s, peak RSS %.0f MB, slowest %.1f s" % (
                      s, int(r["n"]), r["body_mb"], r.get("codes"), "yes" if r["oom"] else "no",
                      "yes" if r["alive"] else "NO", r["hwm_mb"], r["max_s"]))
    if "start" in data.get("portbroker", {}):
        print("\nPortBroker process start -> first served request: %.0f ms (includes seeding the emulator)" %
              data["portbroker"]["start"][0]["start_ms"])
    if "config" in data.get("pb-b", {}):
        print("pb-b: the same stack with %s (A/B in one run)" % data["pb-b"]["config"][0]["env"])
    if "load" in data.get("host", {}):
        print("host: load average %s at the end, %d cores (shared; ratios matter more than absolutes)" % (
            data["host"]["load"][0]["loadavg"], data["host"]["load"][0]["cores"]))


if __name__ == "__main__":
    main()

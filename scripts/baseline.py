#!/usr/bin/env python3
"""./pb baseline save [NAME] | ./pb baseline compare A B

save: samples the running local stack's GET /metrics (10 samples, 1 s apart by default) and, with an admin key,
GET /admin/v1/costs, and writes baselines/baseline_vN.json (N = next free number; NAME is stored inside):
latency p50/p95/p99 of the chat endpoints (from the request-duration histogram), error rate by category, cost,
QPS over the sampling window, tokens by direction, the heap curve (one value per sample) and the cache-hit
potential (share of requests whose caller+request repeated one of the last 10,000, counted even with the cache
off). compare: prints each figure of A and B and the change.

Environment: PB_URL (http://127.0.0.1:8080), PORTBROKER_ADMIN_KEY (optional; without it cost is null),
PB_BASELINE_DIR (baselines), PB_BASELINE_SAMPLES (10), PB_BASELINE_INTERVAL (1.0 seconds)."""

import json
import os
import re
import sys
import time
import urllib.request

CHAT = {"/v1/messages", "/v1/chat/completions", "/openai"}
LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)$')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def parse(text):
    """Prometheus text -> list of (name, {labels}, value)."""
    out = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = LINE.match(line.strip())
        if m:
            out.append((m.group(1), dict(LABEL.findall(m.group(3) or "")), float(m.group(4))))
    return out


def total(samples, name, **match):
    return sum(v for n, labels, v in samples if n == name and all(labels.get(k) == x for k, x in match.items()))


def quantile(buckets, q):
    """buckets: {upper_bound: cumulative_count}; linear interpolation inside the bucket, like histogram_quantile."""
    bounds = sorted(buckets)
    if not bounds or buckets[bounds[-1]] == 0:
        return None
    rank = q * buckets[bounds[-1]]
    prev_bound, prev_count = 0.0, 0.0
    for b in bounds:
        if buckets[b] >= rank:
            if b == float("inf"):
                return prev_bound
            width = buckets[b] - prev_count
            return prev_bound + (b - prev_bound) * ((rank - prev_count) / width if width else 0)
        prev_bound, prev_count = b, buckets[b]
    return prev_bound


def summarize(first, last, elapsed, heap_curve, cost):
    buckets = {}
    for n, labels, v in last:
        if n == "portbroker_request_duration_seconds_bucket" and labels.get("endpoint") in CHAT:
            bound = float("inf") if labels["le"] == "+Inf" else float(labels["le"])
            buckets[bound] = buckets.get(bound, 0) + v
    requests = total(last, "portbroker_requests_total")
    categories = {}
    for n, labels, v in last:
        if n == "error_rate_by_category_total":
            categories[labels.get("category", "other")] = categories.get(labels.get("category", "other"), 0) + v
    tokens = {}
    for n, labels, v in last:
        if n == "tokens_total":
            tokens[labels.get("direction", "other")] = tokens.get(labels.get("direction", "other"), 0) + v
    lookups = total(last, "cache_key_lookups_total")
    ms = lambda s: None if s is None else round(s * 1000, 3)
    return {
        "latency_ms": {"p50": ms(quantile(buckets, 0.50)), "p95": ms(quantile(buckets, 0.95)),
                       "p99": ms(quantile(buckets, 0.99))},
        "requests": requests,
        "qps": round((requests - total(first, "portbroker_requests_total")) / elapsed, 3) if elapsed > 0 else 0.0,
        "error_rate": {k: round(v / requests, 6) if requests else 0.0 for k, v in sorted(categories.items())},
        "tokens": tokens,
        "cost_usd": cost,
        "memory_heap_bytes": heap_curve,
        "cache_hit_potential": round(total(last, "cache_key_repeats_total") / lookups, 6) if lookups else None,
    }


def fetch(url, key=None):
    request = urllib.request.Request(url, headers={"x-api-key": key} if key else {})
    with urllib.request.urlopen(request, timeout=10) as r:
        return r.read().decode("utf-8")


def save(name, base, directory, samples, interval, admin_key):
    scrapes, heap = [], []
    started = time.monotonic()
    for i in range(samples):
        scraped = parse(fetch(base + "/metrics"))
        scrapes.append(scraped)
        heap.append(total(scraped, "portbroker_heap_used_bytes"))
        if i + 1 < samples:
            time.sleep(interval)
    elapsed = time.monotonic() - started
    cost = None
    if admin_key:
        cost = json.loads(fetch(base + "/admin/v1/costs?group_by=provider", admin_key)).get("total_usd")
    os.makedirs(directory, exist_ok=True)
    taken = [int(m.group(1)) for f in os.listdir(directory) if (m := re.fullmatch(r"baseline_v(\d+)\.json", f))]
    path = os.path.join(directory, f"baseline_v{max(taken, default=0) + 1}.json")
    doc = {"name": name, "taken_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "url": base,
           "samples": samples, "window_s": round(elapsed, 3),
           **summarize(scrapes[0], scrapes[-1], elapsed, heap, cost)}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, sort_keys=True)
        f.write("\n")
    return path


def flatten(doc, prefix=""):
    out = {}
    for k, v in doc.items():
        key = prefix + k
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        elif isinstance(v, list):
            numbers = [x for x in v if isinstance(x, (int, float))]
            if numbers:
                out[key + ".max"] = max(numbers)
                out[key + ".last"] = numbers[-1]
        elif isinstance(v, (int, float)) and not isinstance(v, bool) or v is None:
            out[key] = v
    return out


def compare(a, b):
    """Rows (figure, A, B, delta, percent) for every numeric figure of either baseline."""
    fa, fb = flatten(a), flatten(b)
    skip = {"samples", "window_s"}
    rows = []
    for key in sorted(set(fa) | set(fb)):
        if key in skip:
            continue
        x, y = fa.get(key), fb.get(key)
        delta = None if x is None or y is None else y - x
        pct = None if delta is None or not x else 100.0 * delta / x
        rows.append((key, x, y, delta, pct))
    return rows


def fmt(v):
    return "-" if v is None else f"{v:.6g}"


def main(argv):
    if len(argv) >= 1 and argv[0] == "save":
        path = save(argv[1] if len(argv) > 1 else "baseline",
                    os.environ.get("PB_URL", "http://127.0.0.1:8080").rstrip("/"),
                    os.environ.get("PB_BASELINE_DIR", "baselines"),
                    int(os.environ.get("PB_BASELINE_SAMPLES", "10")),
                    float(os.environ.get("PB_BASELINE_INTERVAL", "1.0")),
                    os.environ.get("PORTBROKER_ADMIN_KEY"))
        print(path)
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        docs = []
        for ref in argv[1:]:
            path = ref if os.path.exists(ref) else os.path.join(os.environ.get("PB_BASELINE_DIR", "baselines"),
                                                                f"baseline_{ref}.json")
            with open(path, encoding="utf-8") as f:
                docs.append(json.load(f))
        print(f"{'figure':34} {'A':>14} {'B':>14} {'delta':>14} {'change':>9}")
        for key, x, y, delta, pct in compare(*docs):
            print(f"{key:34} {fmt(x):>14} {fmt(y):>14} {fmt(delta):>14} {'-' if pct is None else f'{pct:+.1f} %':>9}")
        return 0
    print(__doc__.split("\n\n")[0], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

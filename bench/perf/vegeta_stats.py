"""Summarises one vegeta run from its CSV encoding on stdin (vegeta encode --to csv).

Usage: vegeta_stats.py TARGET_RATE DURATION_S; prints one "PB_OPEN ..." line: achieved rate, success ratio, counts per
status, p50/p99 of all answers and of the 2xx ones, and how many refusals (429/503/529) were well formed (an error
envelope of type overloaded_error or rate_limit_error, plus a retry-after header).
"""
import base64
import csv
import json
import sys
from collections import Counter


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def well_formed(body_b64, headers_b64):
    try:
        body = json.loads(base64.b64decode(body_b64))
        kind = body["error"]["type"]
        headers = base64.b64decode(headers_b64).decode("latin-1").lower() if headers_b64 else ""
        return kind in ("overloaded_error", "rate_limit_error") and "retry-after" in headers
    except Exception:  # noqa: BLE001 - a malformed refusal is what this counts
        return False


def main():
    rate, duration = float(sys.argv[1]), float(sys.argv[2])
    codes, lat_all, lat_ok, refusals, good_refusals, first, last = Counter(), [], [], 0, 0, None, None
    for row in csv.reader(sys.stdin):
        ts, code, latency = int(row[0]), int(row[1]), int(row[2]) / 1e6
        codes[code] += 1
        first = ts if first is None else min(first, ts)
        last = ts if last is None else max(last, ts)
        lat_all.append(latency)
        if 200 <= code < 300:
            lat_ok.append(latency)
        elif code in (429, 503, 529):
            refusals += 1
            good_refusals += well_formed(row[6], row[11] if len(row) > 11 else "")
    total = sum(codes.values())
    achieved = total / duration if total else 0.0
    print("PB_OPEN rate=%d sent=%d achieved=%.0f success=%.4f p50_ms=%.2f p99_ms=%.2f ok_p50_ms=%.2f ok_p99_ms=%.2f "
          "refused=%d refused_well_formed=%d codes=%s" % (
              rate, total, achieved, (len(lat_ok) / total) if total else 0.0, pct(lat_all, 50), pct(lat_all, 99),
              pct(lat_ok, 50), pct(lat_ok, 99), refusals, good_refusals,
              ",".join("%s:%d" % (c, n) for c, n in sorted(codes.items()))))


if __name__ == "__main__":
    main()

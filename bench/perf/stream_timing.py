"""Sequential streaming requests over one keep-alive connection: time to first body byte and to the last byte.

Usage: stream_timing.py URL BODY_FILE COUNT [HEADER:VALUE ...]; prints one line "PB_STREAM n=.. ttfb_p50_ms=.. ..."
"""
import http.client
import sys
import time
import urllib.parse


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def main():
    url, body_file, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    headers = {"content-type": "application/json"}
    for h in sys.argv[4:]:
        name, value = h.split(":", 1)
        headers[name.strip()] = value.strip()
    body = open(body_file, "rb").read()
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    ttfb, total, errors = [], [], 0
    for i in range(count + 5):
        start = time.perf_counter()
        try:
            conn.request("POST", u.path, body=body, headers=headers)
            resp = conn.getresponse()
            first = resp.read(1)
            t1 = time.perf_counter()
            rest = resp.read()
            t2 = time.perf_counter()
        except OSError:
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
            continue
        if resp.status != 200 or not first or b"[DONE]" not in rest and b"message_stop" not in rest:
            errors += 1
        if i >= 5:  # the first five warm the connection and the server
            ttfb.append((t1 - start) * 1000)
            total.append((t2 - start) * 1000)
    if not ttfb:
        ttfb, total = [float("nan")], [float("nan")]
    print("PB_STREAM n=%d errors=%d ttfb_p50_ms=%.3f ttfb_p99_ms=%.3f last_p50_ms=%.3f last_p99_ms=%.3f" % (
        count, errors, pct(ttfb, 50), pct(ttfb, 99), pct(total, 50), pct(total, 99)))


if __name__ == "__main__":
    main()

"""Sends N concurrent near-limit requests (one Anthropic message with a base64 image of IMAGE_BYTES characters) to the
gateway, all at once, and reports what came back and how much memory the gateway process needed.

Usage: big_bodies.py PID HOST PORT PATH LOG_FILE N IMAGE_BYTES [HEADER:VALUE ...]
PID is the gateway's process (its peak resident memory, VmHWM, is read after the requests); LOG_FILE is its log
(searched for OutOfMemoryError). Prints
"PB_BIG n=.. body_mb=.. codes=200:..,529:.. oom=0|1 alive=0|1 hwm_mb=.. rss_mb=.. max_s=.."
"""
import base64
import http.client
import os
import sys
import threading
import time


def status_mb(pid, field):
    try:
        with open("/proc/%s/status" % pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return -1.0


def body(image_chars):
    raw = os.urandom(image_chars * 3 // 4 + 3)
    data = base64.b64encode(b"\x89PNG\r\n\x1a\n" + raw).decode("ascii")[:image_chars]
    data = data[: len(data) - len(data) % 4]
    return (
        '{"model":"bench-plain","max_tokens":64,"messages":[{"role":"user","content":['
        '{"type":"image","source":{"type":"base64","media_type":"image/png","data":"%s"}},'
        '{"type":"text","text":"Describe the image."}]}]}' % data
    ).encode("ascii")


def one(host, port, path, payload, headers, results, i):
    start = time.monotonic()
    try:
        conn = http.client.HTTPConnection(host, port, timeout=120)
        conn.request("POST", path, body=payload, headers=headers)
        resp = conn.getresponse()
        text = resp.read()
        results[i] = (resp.status, time.monotonic() - start, text[:200])
        conn.close()
    except Exception as e:  # a reset or a timeout is a result too: code 0
        results[i] = (0, time.monotonic() - start, repr(e).encode())


def main():
    pid, host, port, path, log, n, image_chars = sys.argv[1:8]
    n, port, image_chars = int(n), int(port), int(image_chars)
    headers = {"content-type": "application/json"}
    for h in sys.argv[8:]:
        k, v = h.split(":", 1)
        headers[k.strip()] = v.strip()
    payload = body(image_chars)
    results = [None] * n
    threads = [threading.Thread(target=one, args=(host, port, path, payload, headers, results, i)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = {}
    for code, _, _ in results:
        codes[code] = codes.get(code, 0) + 1
    for code, _, text in results:
        if code != 200:
            sys.stderr.write("big body: %s %s\n" % (code, text.decode("utf-8", "replace")))
    try:
        with open(log, errors="replace") as f:
            oom = int("OutOfMemoryError" in f.read())
    except OSError:
        oom = -1
    alive = int(os.path.exists("/proc/%s" % pid))
    print(
        "PB_BIG n=%d body_mb=%.1f codes=%s oom=%d alive=%d hwm_mb=%.0f rss_mb=%.0f max_s=%.2f"
        % (
            n,
            len(payload) / 1048576.0,
            ",".join("%s:%d" % kv for kv in sorted(codes.items())),
            oom,
            alive,
            status_mb(pid, "VmHWM"),
            status_mb(pid, "VmRSS"),
            max(r[1] for r in results),
        )
    )


if __name__ == "__main__":
    main()

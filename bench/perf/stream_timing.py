"""Sequential streaming requests: time to the first body byte and to the last byte, several systems interleaved.

Usage:
  stream_timing.py URL BODY_FILE COUNT [HEADER:VALUE ...]           one system; prints "PB_STREAM n=.. ttfb_p50_ms=.."
  stream_timing.py --count N [--warmup W] NAME|URL|BODY_FILE[|HEADER:VALUE...] ...
      every system over its own keep-alive connection, one request each per round, in turn (so load on the shared
      machine hits all of them alike); W warm-up rounds first (JIT, pools; not recorded). Prints one line per system,
      "PB_STREAM name=.. n=.. ttfb_p50_ms=.. ...", with the paired difference to the first system (per round, then the
      median: robust against drift the plain p50s share): "ttfb_paired_p50_ms=..".
"""
import http.client
import sys
import time
import urllib.parse


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


class Target:
    def __init__(self, name, url, body_file, headers):
        self.name = name
        self.url = urllib.parse.urlsplit(url)
        self.body = open(body_file, "rb").read()
        self.headers = {"content-type": "application/json"}
        for h in headers:
            key, value = h.split(":", 1)
            self.headers[key.strip()] = value.strip()
        self.conn = None
        self.ttfb, self.total, self.errors = [], [], 0

    def connect(self):
        self.conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=10)

    def once(self, record):
        """One request; returns (ttfb_ms, last_ms) or None on an error."""
        if self.conn is None:
            self.connect()
        start = time.perf_counter()
        try:
            self.conn.request("POST", self.url.path, body=self.body, headers=self.headers)
            resp = self.conn.getresponse()
            first = resp.read(1)
            t1 = time.perf_counter()
            rest = resp.read()
            t2 = time.perf_counter()
        except OSError:
            self.errors += record
            self.conn.close()
            self.conn = None
            return None
        if resp.status != 200 or not first or b"[DONE]" not in rest and b"message_stop" not in rest:
            self.errors += record
            return None
        sample = ((t1 - start) * 1000, (t2 - start) * 1000)
        if record:
            self.ttfb.append(sample[0])
            self.total.append(sample[1])
        return sample


def summary(t):
    ttfb, total = t.ttfb or [float("nan")], t.total or [float("nan")]
    return "n=%d errors=%d ttfb_p50_ms=%.3f ttfb_p99_ms=%.3f last_p50_ms=%.3f last_p99_ms=%.3f" % (
        len(t.ttfb), t.errors, pct(ttfb, 50), pct(ttfb, 99), pct(total, 50), pct(total, 99))


def run(targets, count, warmup):
    paired = {t.name: ([], []) for t in targets[1:]}
    for i in range(warmup + count):
        record = i >= warmup
        samples = [t.once(record) for t in targets]
        if record and samples[0] is not None:
            for t, s in zip(targets[1:], samples[1:]):
                if s is not None:
                    paired[t.name][0].append(s[0] - samples[0][0])
                    paired[t.name][1].append(s[1] - samples[0][1])
    for t in targets:
        line = "PB_STREAM name=%s %s" % (t.name, summary(t))
        if t.name in paired and paired[t.name][0]:
            line += " ttfb_paired_p50_ms=%.3f last_paired_p50_ms=%.3f" % (
                pct(paired[t.name][0], 50), pct(paired[t.name][1], 50))
        print(line, flush=True)


def main():
    args = sys.argv[1:]
    if args and args[0] == "--count":
        count, args = int(args[1]), args[2:]
        warmup = 5
        if args and args[0] == "--warmup":
            warmup, args = int(args[1]), args[2:]
        targets = []
        for spec in args:
            parts = spec.split("|")
            targets.append(Target(parts[0], parts[1], parts[2], parts[3:]))
        run(targets, count, warmup)
        return
    url, body_file, count = args[0], args[1], int(args[2])
    target = Target("one", url, body_file, args[3:])
    for i in range(count + 5):  # the first five warm the connection and the server
        target.once(i >= 5)
    print("PB_STREAM %s" % summary(target))


if __name__ == "__main__":
    main()

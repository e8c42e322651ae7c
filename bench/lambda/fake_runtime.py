#!/usr/bin/env python3
"""A local Lambda Runtime API (2018-06-01) for bench/run-lambda.sh: starts one function process (the packaged entry
point), hands it events one at a time and times each answer, buffered or streamed
(Lambda-Runtime-Function-Response-Mode: streaming, chunked body).

  fake_runtime.py run --label L --out FILE --warm N --events E1[,E2...] [--env K=V ...] -- COMMAND...
      JVM start -> first invocation/next (init), first answer, then N warm invocations (events cycled). Appends one
      JSON line per invocation and one summary line to FILE; prints the summary.
  fake_runtime.py event METHOD PATH [--body FILE] [--header 'name: value' ...]   an API Gateway proxy event on stdout
  fake_runtime.py self-test                                                         protocol checks, no function

CPU: per invocation from /proc/<pid>/task/*/schedstat (ns, threads alive at both ends); init from /proc/<pid>/stat
(utime+stime, clock ticks, dead threads included). Billed ms: the duration rounded up to the next millisecond, as
Lambda bills it. Only 127.0.0.1; every wait is bounded.
"""
import argparse
import base64
import http.client
import json
import math
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BASE = "/2018-06-01/runtime"
HZ = os.sysconf("SC_CLK_TCK")


def cpu_ns(pid):
    """CPU time of the live threads of pid, in ns (0 when it is gone)."""
    total = 0
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                    total += int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
    except OSError:
        return 0
    return total


def cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return 0


class Runtime:
    """The server side: a queue of events, and what happened to each."""

    def __init__(self):
        self.pending = queue.Queue()
        self.done = queue.Queue()
        self.pid = None
        self.first_next_ns = None
        self.inflight = {}
        self.lock = threading.Lock()

    def offer(self, name, payload):
        rid = str(uuid.uuid4())
        self.pending.put((rid, name, payload))
        return rid


def handler_for(rt):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # headers and body leave in separate writes: with Nagle on, the body waits for the client's delayed ACK
        # (~40 ms per answer, which the first version of this harness measured as invocation time)
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path != f"{BASE}/invocation/next":
                return self.reply(404, b'{"errorType":"NotFound"}')
            now = time.monotonic_ns()
            with rt.lock:
                if rt.first_next_ns is None:
                    rt.first_next_ns = now
            try:
                rid, name, payload = rt.pending.get(timeout=600)
            except queue.Empty:
                return self.reply(500, b"{}")
            with rt.lock:
                rt.inflight[rid] = {"name": name, "next_ns": now, "dispatch_ns": time.monotonic_ns(),
                                    "cpu0": cpu_ns(rt.pid) if rt.pid else 0}
            self.send_response(200)
            self.send_header("Lambda-Runtime-Aws-Request-Id", rid)
            self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 900_000))
            self.send_header("Lambda-Runtime-Invoked-Function-Arn",
                             "arn:aws:lambda:us-east-1:000000000000:function:pb-bench")
            self.send_header("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            self.wfile.flush()

        def do_POST(self):
            parts = self.path[len(BASE):].strip("/").split("/")
            if parts[:1] == ["init"] and parts[1:] == ["error"]:
                body = self.read_body(None)
                rt.done.put({"rid": None, "outcome": "init_error", "body": body[:500].decode("utf-8", "replace")})
                return self.reply(202, b'{"status":"OK"}')
            if len(parts) != 3 or parts[0] != "invocation" or parts[2] not in ("response", "error"):
                return self.reply(404, b'{"errorType":"NotFound"}')
            rid, kind = parts[1], parts[2]
            with rt.lock:
                rec = rt.inflight.pop(rid, None)
            if rec is None:
                return self.reply(400, b'{"errorType":"InvalidRequestID"}')
            streaming = self.headers.get("Lambda-Runtime-Function-Response-Mode", "").lower() == "streaming"
            first = {}
            body = self.read_body(first)
            end = time.monotonic_ns()
            rec.update({
                "rid": rid, "outcome": kind, "mode": "streaming" if streaming else "buffered", "end_ns": end,
                "first_byte_ns": first.get("ns", end), "bytes": len(body),
                "cpu1": cpu_ns(rt.pid) if rt.pid else 0, "body": body,
            })
            self.reply(202, b'{"status":"OK"}')
            rt.done.put(rec)

        def read_body(self, first):
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                out = bytearray()
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        return bytes(out)
                    chunk = self.rfile.read(size)
                    self.rfile.readline()
                    out += chunk
                    # streamed: the first byte of the body proper comes after the prelude and its 8 NUL bytes
                    sep = out.find(b"\0" * 8)
                    if first is not None and "ns" not in first and sep >= 0 and len(out) > sep + 8:
                        first["ns"] = time.monotonic_ns()
            n = int(self.headers.get("Content-Length", "0"))
            data = self.rfile.read(n) if n else b""
            if first is not None:
                first["ns"] = time.monotonic_ns()
            return data

        def reply(self, status, body):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # the function process is killed at the end of a run, resetting its open connection: not an error
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def start_server(rt):
    server = QuietServer(("127.0.0.1", 0), handler_for(rt))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def status_of(rec):
    """The HTTP status the function answered with: streamed prelude, or buffered proxy response JSON."""
    body = rec.get("body", b"")
    try:
        if rec.get("mode") == "streaming":
            return json.loads(body[: body.find(b"\0" * 8)]).get("statusCode")
        return json.loads(body).get("statusCode")
    except (ValueError, AttributeError):
        return None


def invocation_line(label, i, rec):
    wall_ms = (rec["end_ns"] - rec["dispatch_ns"]) / 1e6
    return {
        "label": label, "i": i, "event": rec["name"], "outcome": rec["outcome"], "mode": rec.get("mode"),
        "status": status_of(rec), "wall_ms": round(wall_ms, 3), "billed_ms": max(1, math.ceil(wall_ms)),
        "first_byte_ms": round((rec["first_byte_ns"] - rec["dispatch_ns"]) / 1e6, 3),
        "cpu_ms": round(max(0, rec["cpu1"] - rec["cpu0"]) / 1e6, 3), "bytes": rec["bytes"],
    }


def pct(values, p):
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(p / 100 * len(s)) - 1))]


def first_answer(rt, proc, timeout):
    """The first answer; fails at once when the function process exits before it (no waiting out the timeout)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return rt.done.get(timeout=0.2)
        except queue.Empty:
            if proc.poll() is not None:
                raise RuntimeError(f"the function exited with code {proc.returncode} before answering")
            if time.monotonic() > deadline:
                raise


def run(args):
    events = []
    for path in args.events.split(","):
        with open(path, "rb") as f:
            events.append((os.path.basename(path).rsplit(".", 1)[0], f.read()))
    rt = Runtime()
    server = start_server(rt)
    env = dict(os.environ)
    for kv in args.env:
        k, _, v = kv.partition("=")
        env[k] = v
    env["AWS_LAMBDA_RUNTIME_API"] = f"127.0.0.1:{server.server_address[1]}"
    log = open(args.log, "ab") if args.log else subprocess.DEVNULL
    rt.offer(*events[0])
    t0 = time.monotonic_ns()
    proc = subprocess.Popen(args.command, env=env, stdout=log, stderr=log, start_new_session=True)
    rt.pid = proc.pid
    lines, summary = [], {"label": args.label, "ok": False}
    try:
        first = first_answer(rt, proc, args.timeout)
        if first.get("rid") is None:
            raise RuntimeError(f"init error: {first.get('body')}")
        init_ticks = None
        summary["init_ms"] = round((rt.first_next_ns - t0) / 1e6, 1)
        summary["cold_start_ms"] = round((first["end_ns"] - t0) / 1e6, 1)
        summary["first_invoke_ms"] = round((first["end_ns"] - first["dispatch_ns"]) / 1e6, 1)
        summary["cold_cpu_ms"] = round(cpu_ticks(proc.pid) * 1000 / HZ, 0)
        summary["first_status"] = status_of(first)
        lines.append(invocation_line(args.label, 0, first))
        ticks0 = cpu_ticks(proc.pid)
        for i in range(1, args.warm + 1):
            rt.offer(*events[i % len(events)])
            rec = rt.done.get(timeout=args.timeout)
            if rec.get("rid") is None:
                raise RuntimeError("init error after start")
            lines.append(invocation_line(args.label, i, rec))
        warm = lines[1:]
        if warm:
            for key in ("wall_ms", "cpu_ms", "billed_ms", "first_byte_ms"):
                vals = [w[key] for w in warm]
                summary[f"warm_{key}_p50"] = pct(vals, 50)
                summary[f"warm_{key}_p99"] = pct(vals, 99)
            summary["warm_cpu_ms_mean_stat"] = round((cpu_ticks(proc.pid) - ticks0) * 1000 / HZ / len(warm), 3)
            summary["warm_statuses"] = sorted({str(w["status"]) for w in warm})
        summary["ok"] = True
        del init_ticks
    except (queue.Empty, RuntimeError) as e:
        summary["error"] = str(e) or "timed out"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        server.shutdown()
    with open(args.out, "a") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")
        f.write(json.dumps({"summary": summary}) + "\n")
    print(json.dumps(summary))
    return 0 if summary["ok"] else 1


def event(args):
    body = open(args.body, "rb").read() if args.body else b""
    headers = {}
    for h in args.header:
        k, _, v = h.partition(":")
        headers.setdefault(k.strip(), []).append(v.strip())
    out = {
        "resource": "/{proxy+}", "path": args.path, "httpMethod": args.method, "multiValueHeaders": headers,
        "multiValueQueryStringParameters": None, "isBase64Encoded": True,
        "body": base64.b64encode(body).decode() if body else None,
        "requestContext": {"requestId": "bench", "stage": "live", "identity": {"sourceIp": "127.0.0.1"}},
    }
    sys.stdout.write(json.dumps(out))
    return 0


def self_test(_args):
    """Drives the server as a function would: buffered answer, streamed answer, an error, an unknown id."""
    rt = Runtime()
    server = start_server(rt)
    port = server.server_address[1]

    def call(method, path, body=None, headers=None, chunks=None):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        if chunks is not None:
            c.putrequest(method, path)
            for k, v in (headers or {}).items():
                c.putheader(k, v)
            c.putheader("Transfer-Encoding", "chunked")
            c.endheaders()
            for ch in chunks:
                c.send(b"%x\r\n%s\r\n" % (len(ch), ch))
            c.send(b"0\r\n\r\n")
        else:
            c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        hdrs = dict(r.getheaders())
        c.close()
        return r.status, hdrs, data

    rt.offer("a", b'{"n":1}')
    status, hdrs, data = call("GET", f"{BASE}/invocation/next")
    assert status == 200 and data == b'{"n":1}', (status, data)
    rid = hdrs["Lambda-Runtime-Aws-Request-Id"]
    assert int(hdrs["Lambda-Runtime-Deadline-Ms"]) > time.time() * 1000
    assert call("POST", f"{BASE}/invocation/{rid}/response", b'{"statusCode":201,"body":"x"}')[0] == 202
    rec = rt.done.get(timeout=5)
    assert rec["mode"] == "buffered" and status_of(rec) == 201, rec

    rt.offer("b", b"{}")
    rid = call("GET", f"{BASE}/invocation/next")[1]["Lambda-Runtime-Aws-Request-Id"]
    prelude = json.dumps({"statusCode": 200, "headers": {}}).encode() + b"\0" * 8
    status = call("POST", f"{BASE}/invocation/{rid}/response", headers={
        "Lambda-Runtime-Function-Response-Mode": "streaming",
        "Content-Type": "application/vnd.awslambda.http-integration-response"},
        chunks=[prelude, b"event: a\n\n", b"event: b\n\n"])[0]
    assert status == 202
    rec = rt.done.get(timeout=5)
    assert rec["mode"] == "streaming" and status_of(rec) == 200 and rec["body"].endswith(b"event: b\n\n"), rec
    assert rec["dispatch_ns"] <= rec["first_byte_ns"] <= rec["end_ns"]
    assert invocation_line("t", 1, rec)["billed_ms"] >= 1

    rt.offer("c", b"{}")
    rid = call("GET", f"{BASE}/invocation/next")[1]["Lambda-Runtime-Aws-Request-Id"]
    assert call("POST", f"{BASE}/invocation/{rid}/error", b'{"errorType":"X","errorMessage":"m"}')[0] == 202
    assert rt.done.get(timeout=5)["outcome"] == "error"
    assert call("POST", f"{BASE}/invocation/unknown/response", b"{}")[0] == 400
    assert pct([3, 1, 2, 4], 50) == 2 and pct([1] * 99 + [50], 99) == 1 and pct(list(range(1, 101)), 99) == 99
    server.shutdown()
    print("fake runtime self-test: ok (buffered, streamed, error, unknown id, percentiles)")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--label", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--log")
    r.add_argument("--warm", type=int, default=50)
    r.add_argument("--events", required=True)
    r.add_argument("--env", action="append", default=[])
    r.add_argument("--timeout", type=float, default=120)
    r.add_argument("command", nargs=argparse.REMAINDER)
    e = sub.add_parser("event")
    e.add_argument("method")
    e.add_argument("path")
    e.add_argument("--body")
    e.add_argument("--header", action="append", default=[])
    sub.add_parser("self-test")
    args = p.parse_args()
    if args.cmd == "run":
        if args.command and args.command[0] == "--":
            args.command = args.command[1:]
        return run(args)
    return event(args) if args.cmd == "event" else self_test(args)


if __name__ == "__main__":
    sys.exit(main())

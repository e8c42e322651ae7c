"""Opens N concurrent streaming requests (asyncio, raw HTTP/1.1), waits until each has its first body bytes,
reads the resident memory of process PID (the gateway) while they are all open, then closes them.

Usage: slow_streams.py PID HOST PORT PATH BODY_FILE N WAIT_SECONDS [HEADER:VALUE ...]
A 529 (the overload bound refusing part of a burst of arrivals) is retried with a growing pause, as clients do.
Prints "PB_SLOW opened=.. failed=.. refused_then_retried=.. rss_mb=.."
"""
import asyncio
import os
import subprocess
import sys


def rss_mb(pid):
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return -1.0


async def one(host, port, request, opened, failed, release, refused):
    try:
        for attempt in range(40):
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 20)
            writer.write(request)
            await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
            status = head.split(b"\r\n", 1)[0]
            if b" 529 " in status:  # refused while the others were arriving: retry as Claude Code would
                refused.append(1)
                writer.close()
                await asyncio.sleep(0.05 * (attempt + 1))
                continue
            break
        if b" 200 " not in status:
            failed.append(status)
            writer.close()
            return
        await asyncio.wait_for(reader.read(1), 30)
        opened.append(1)
        await release.wait()
        writer.close()
    except Exception as e:  # noqa: BLE001 - counted, not fatal
        failed.append(repr(e)[:80])


def snapshot(pid):
    """With PB_PERF_NMT_DIR set (and the JVM started with -XX:NativeMemoryTracking=summary), saves where the memory
    is while the streams are open: NMT summary, heap summary, top of the class histogram, thread count."""
    out = os.environ.get("PB_PERF_NMT_DIR")
    if not out:
        return
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "memory-%s.txt" % pid), "w") as f:
        f.write("threads %d\n" % len(os.listdir("/proc/%s/task" % pid)))
        for cmd in (["VM.native_memory", "summary"], ["GC.heap_info"], ["GC.class_histogram"]):
            r = subprocess.run(["jcmd", str(pid)] + cmd, capture_output=True, text=True, timeout=60)
            f.write("\n".join(r.stdout.splitlines()[:120]) + "\n")


async def main():
    pid = sys.argv[1]
    host, port, path, body_file, n, hold = sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], int(
        sys.argv[6]), float(sys.argv[7])
    body = open(body_file, "rb").read()
    headers = ["content-type: application/json", "content-length: %d" % len(body), "host: %s:%d" % (host, port)]
    headers += [h for h in sys.argv[8:]]
    request = ("POST %s HTTP/1.1\r\n%s\r\n\r\n" % (path, "\r\n".join(headers))).encode() + body
    opened, failed, release, refused = [], [], asyncio.Event(), []
    tasks = [asyncio.create_task(one(host, port, request, opened, failed, release, refused)) for _ in range(n)]
    waited = 0.0
    while len(opened) + len(failed) < n and waited < hold:
        await asyncio.sleep(0.25)
        waited += 0.25
    await asyncio.sleep(1.0)
    snapshot(pid)
    print("PB_SLOW opened=%d failed=%d refused_then_retried=%d rss_mb=%.0f sample_failure=%s" % (
        len(opened), len(failed), len(refused), rss_mb(pid), failed[:1]), flush=True)
    release.set()
    await asyncio.gather(*tasks, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())

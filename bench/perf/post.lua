-- wrk script: POST the body in $PB_BODY_FILE with the headers in $PB_HEADERS ("name: value" lines).
local f = assert(io.open(os.getenv("PB_BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["content-type"] = "application/json"
for line in (os.getenv("PB_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  if name then wrk.headers[name] = value end
end
-- one machine-readable line at the end (latency in microseconds)
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("PB_WRK requests=%d duration_us=%d non2xx=%d connect=%d read=%d timeout=%d p50=%d p99=%d max=%d\n",
    summary.requests, summary.duration, non2xx, summary.errors.connect, summary.errors.read,
    summary.errors.timeout, latency:percentile(50), latency:percentile(99), latency.max))
end

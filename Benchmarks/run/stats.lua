-- Benchmarks/run/stats.lua — wrk script for Benchmarks/run.sh: plain GETs (no per-response hook, so
-- wrk stays as fast as without a script); done() prints one line the script parses:
--   result requests=N duration_us=N p50_us=N p99_us=N non2xx=N socket_errors=N
-- (latency percentiles in microseconds; non2xx counts answers outside 2xx/3xx).

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("result requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end

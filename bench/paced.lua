-- wrk script: each connection waits PORTAL_BENCH_THINK_MS (default 3) after an answer before its next
-- call, so that targets of different capacity are measured at about the same load, below saturation.
-- Prints one line: "paced <req/s> <p50 ms> <p99 ms> <non-2xx>".
local think = tonumber(os.getenv("PORTAL_BENCH_THINK_MS") or "3")

function delay()
  return think
end

function done(summary, latency, requests)
  io.write(string.format("paced %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end

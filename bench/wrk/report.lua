-- Prints one machine-readable line after a wrk run, which bench/run.sh parses:
--   RESULT <requests/s> <p50 ms> <p99 ms> <errors> <requests>
-- Errors are socket errors (connect, read, write, timeout) plus answers with status 400 or above.
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    errors,
    summary.requests))
end

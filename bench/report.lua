-- What the wrk scripts of bench/ print when a run is done, one figure per line for Python to
-- read (bench/results.py): the answers tallied by status over the threads (each thread counts
-- in its own Lua state, in a global `statuses`), the requests, the run's length, the socket
-- errors and the latency percentiles. `extra(thread)` adds a counter of the script's own
-- (a global of each thread), printed as `name` before the requests.
-- Loaded by the scripts with `dofile` from their own folder.
local report = {}

function report.done(threads, summary, latency, percentiles, extra)
  local tally, counted = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      tally[status] = (tally[status] or 0) + count
    end
    if extra then counted = counted + thread:get(extra.global) end
  end
  for status, count in pairs(tally) do
    io.write(string.format("STATUS %d %d\n", status, count))
  end
  if extra then io.write(string.format("%s %d\n", extra.name, counted)) end
  io.write(string.format("REQUESTS %d\n", summary.requests))
  io.write(string.format("DURATION_US %d\n", summary.duration))
  local errors = summary.errors
  io.write(string.format(
    "SOCKET_ERRORS %d\n", errors.connect + errors.read + errors.write + errors.timeout
  ))
  for _, p in ipairs(percentiles) do
    io.write(string.format("P%d_US %d\n", p, latency:percentile(p)))
  end
end

return report

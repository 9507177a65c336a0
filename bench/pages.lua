-- wrk script for bench/pages.py: plain GETs of one URL, answers tallied by status, then the
-- figures the benchmark records, one per line, for Python to read.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local tally = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      tally[status] = (tally[status] or 0) + count
    end
  end
  for status, count in pairs(tally) do
    io.write(string.format("STATUS %d %d\n", status, count))
  end
  io.write(string.format("REQUESTS %d\n", summary.requests))
  io.write(string.format("DURATION_US %d\n", summary.duration))
  local errors = summary.errors
  io.write(string.format(
    "SOCKET_ERRORS %d\n", errors.connect + errors.read + errors.write + errors.timeout
  ))
  for _, p in ipairs({50, 99}) do
    io.write(string.format("P%d_US %d\n", p, latency:percentile(p)))
  end
end

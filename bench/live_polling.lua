-- wrk script for bench/live_polling.py: readers of a live page asking its endpoint for new
-- entries. Most show the latest entry; fewer an older one (new entries are waiting behind
-- their button, unclicked). Each sends the ETag its browser kept for that address, as
-- live.js's `cache: "no-cache"` does, and waits `pause` ms before asking again.
-- Arguments: endpoint, pause (ms), then `since=etag` pairs, the first being the latest.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("offset", #threads)
end

function init(args)
  endpoint, pause = args[1], tonumber(args[2])
  readers, etags = {}, {}
  for i = 3, #args do
    local since, etag = args[i]:match("^(%d+)=(.*)$")
    etags[since] = etag
    -- The latest entry: 70 readers in 100; the next three: 6 each; older ones: 1 each.
    local weight = (i == 3) and 70 or ((i <= 6) and 6 or 1)
    for _ = 1, weight do table.insert(readers, since) end
  end
  n = offset or 0
  statuses, hits = {}, 0
end

function request()
  n = n + 1
  local since = readers[(n * 37) % #readers + 1]
  return wrk.format("GET", endpoint .. "?depuis=" .. since, { ["If-None-Match"] = etags[since] })
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  -- Varnish's X-Cache (as the VCL spells it), else the app's (granian sends lower case).
  local cache = headers["X-Cache"] or headers["x-cache"] or headers["x-gazette-cache"] or ""
  if cache:lower() == "hit" then hits = hits + 1 end
end

function delay()
  return pause
end

function done(summary, latency, requests)
  local tally, cached = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      tally[status] = (tally[status] or 0) + count
    end
    cached = cached + thread:get("hits")
  end
  for status, count in pairs(tally) do
    io.write(string.format("STATUS %d %d\n", status, count))
  end
  io.write(string.format("HITS %d\n", cached))
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

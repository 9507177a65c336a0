-- wrk script for bench/live_polling.py: readers of a live page asking its endpoint for new
-- entries. Most show the latest entry; fewer an older one (new entries are waiting behind
-- their button, unclicked). Each sends the ETag its browser kept for that address, as
-- live.js's `cache: "no-cache"` does, and waits `pause` ms before asking again.
-- Arguments: endpoint, pause (ms), then `since=etag` pairs, the first being the latest.
local report = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
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
  report.done(threads, summary, latency, {50, 99}, { global = "hits", name = "HITS" })
end

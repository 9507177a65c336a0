-- wrk script for bench/pages.py: plain GETs of one URL, answers tallied by status, then the
-- figures the benchmark records, one per line, for Python to read.
local report = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
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
  report.done(threads, summary, latency, {50, 99})
end

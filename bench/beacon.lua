-- wrk script for bench/beacon.py: each request is a read from a distinct visitor (its own
-- address in X-Forwarded-For, trusted through GAZETTE_TRUSTED_PROXIES=1) of one of the
-- article ids given after `--`, then a run number that keeps visitors distinct across runs;
-- answers are tallied by status to check that none is lost.
local report = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
local threads = {}

function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  ids = {}
  for id in string.gmatch(args[1], "%d+") do
    table.insert(ids, id)
  end
  run = tonumber(args[2])
  counter = 0
  statuses = {}
end

function request()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "text/plain;charset=UTF-8",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
    -- Each visitor in its own /64: Gazette counts a few readers per network and article.
    ["X-Forwarded-For"] = string.format(
      "fd00:%x:%x:%x::%x", thread_number, math.floor(counter / 65536), counter % 65536, run
    ),
  }
  local body = '{"id": ' .. ids[counter % #ids + 1] .. ', "ref": "news.google.com"}'
  return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  report.done(threads, summary, latency, {50, 90, 99})
end

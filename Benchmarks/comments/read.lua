-- Benchmarks/comments/read.lua — wrk script for Benchmarks/comments.sh's page measurement: GETs the
-- URL and counts the requests sent as well as the answers, so that the script can charge the server's
-- CPU to every request it worked on, including those still in flight when wrk stopped (a slow page
-- under 32 connections leaves up to 32 of them). done() prints "started N", "answered N", "failed N"
-- (answered with a status other than 200).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  started = 0
  answered = 0
  failed = 0
end

function request()
  started = started + 1
  return wrk.format("GET")
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then failed = failed + 1 end
end

function done(summary, latency, requests)
  local s, a, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("started")
    a = a + thread:get("answered")
    f = f + thread:get("failed")
  end
  io.write(string.format("started %d\nanswered %d\nfailed %d\n", s, a, f))
end

-- Benchmarks/comments/post.lua — wrk script for Benchmarks/comments.sh: every request posts a new
-- comment, from its own reader address (X-Forwarded-For), with its own name and text.
--
-- Arguments (after `--`): SYSTEM OCTET [TOKEN]
--   SYSTEM  masthead: the HTML form (form-encoded, CSRF token in the body, cookie set by wrk's -H);
--           isso: isso's JSON API (POST /new?uri=...).
--   OCTET   first octet of the reader addresses (OCTET.x.y.z), so that runs do not share addresses.
--   TOKEN   Masthead's CSRF token, the same as the masthead_csrf cookie.
-- Acknowledged = a 2xx or 303 answer. done() prints "acknowledged N" and the other statuses.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  system = args[1]
  octet = tonumber(args[2])
  token = args[3]
  sent = 0
  acknowledged = 0
  others = {}
end

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  -- Distinct across threads: thread id in the low bits, this thread's counter above it.
  local n = sent * 16 + id
  sent = sent + 1
  local addr = string.format("%d.%d.%d.%d", octet, math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  local name = string.format("Reader %d-%d", octet, n)
  local text = string.format(
    "Comment %d-%d from the benchmark: the reporting holds up, and the second paragraph answers what I asked.",
    octet, n)
  wrk.headers["X-Forwarded-For"] = addr
  local body
  if system == "isso" then
    body = string.format('{"text": "%s", "author": "%s", "title": "Bench article"}', text, name)
  else
    body = "display_name=" .. encode(name) .. "&body=" .. encode(text) .. "&csrf_token=" .. token
  end
  return wrk.format("POST", nil, nil, body)
end

function response(status, headers, body)
  if (status >= 200 and status < 300) or status == 303 then
    acknowledged = acknowledged + 1
  else
    others[status] = (others[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total, statuses = 0, {}
  for _, thread in ipairs(threads) do
    total = total + thread:get("acknowledged")
    for status, count in pairs(thread:get("others")) do
      statuses[status] = (statuses[status] or 0) + count
    end
  end
  io.write(string.format("acknowledged %d\n", total))
  for status, count in pairs(statuses) do
    io.write(string.format("refused %d %d\n", status, count))
  end
end

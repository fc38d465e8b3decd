-- Varies every request's URL (`limit=` from 200 to 500: the probe country has exactly 200
-- entries, so each answers the same page), so no cache keyed by URL can answer most of them:
-- the measurement sees the full read path. A made-up parameter would be refused (a 422).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local sent = 0

function request()
  sent = sent + 1
  local path = string.gsub(wrk.path, "limit=%d+", "limit=" .. (200 + (sent * 7 + thread_number) % 301))
  return wrk.format(nil, path)
end

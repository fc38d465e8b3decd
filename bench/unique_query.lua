-- Makes every request's URL unique (`_nonce=<thread>-<n>`), so no cache keyed by URL can
-- answer it: the measurement sees the full read path.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local sent = 0
local separator = "?"

function init(args)
  if string.find(wrk.path, "?", 1, true) then
    separator = "&"
  end
end

function request()
  sent = sent + 1
  return wrk.format(nil, wrk.path .. separator .. "_nonce=" .. thread_number .. "-" .. sent)
end

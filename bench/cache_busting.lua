-- Sends each thread's share of the requests (the script's arguments: the run's number, the
-- share), each to one of several routes with a unique page (`offset=`: the run, the thread and
-- the request in its digits; most are past the end, an empty page) and a random Accept header,
-- so every URL is new to the response cache. A thread stops after its share (wrk itself runs for its whole -d).
local paths = { "/countries", "/agreements", "/countries/KZ/inventory", "/equipment" }
local accepts = { "application/json", "text/csv", "*/*", "text/csv, application/json;q=0.5" }
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local run = "0"
local share = 0
local sent = 0
local answered = 0

function init(args)
  run = args[1] or "0"
  share = tonumber(args[2]) or 0
  math.randomseed((tonumber(run) or 0) * 1000 + thread_number)
end

function request()
  sent = sent + 1
  local path = paths[math.random(#paths)]
  -- One Accept in five is unique too (an unknown media type, which the API answers as JSON).
  local accept = accepts[math.random(#accepts + 1)] or ("application/x-bust-" .. sent)
  -- Unique while a run stays under 99 and a thread's run under 50,000 requests (a 10 s run
  -- here sends a few thousand), and under the API's bound on `offset` (10,000,000).
  local offset = (tonumber(run) or 0) * 100000 + (thread_number - 1) * 50000 + sent
  local url = path .. "?offset=" .. offset
  return wrk.format("GET", url, { ["Accept"] = accept })
end

function response(status, headers, body)
  answered = answered + 1
  if share > 0 and answered >= share then
    wrk.thread:stop()
  end
end

-- Sends each thread's share of the requests (the script's arguments: the run's number, the
-- share), each to one of several routes with a unique unknown query parameter
-- (`_bust=<run>-<thread>-<n>`) and a random Accept header, so every URL is new to the response
-- cache. A thread stops after its share (wrk itself runs for its whole -d).
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
  local url = path .. "?_bust=" .. run .. "-" .. thread_number .. "-" .. sent
  return wrk.format("GET", url, { ["Accept"] = accept })
end

function response(status, headers, body)
  answered = answered + 1
  if share > 0 and answered >= share then
    wrk.thread:stop()
  end
end

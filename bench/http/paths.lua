-- wrk script: requests the paths listed in a file (one per line), in turn, and prints p50/p95/p99 latency.
-- Usage: wrk -t2 -c4 -d20s -s bench/http/paths.lua http://127.0.0.1:5099 -- paths.txt
local paths = {}
local counter = 0

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot open the paths file " .. tostring(args[1]))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  assert(#paths > 0, "no paths in " .. args[1])
  -- Each thread starts at a different place in the list.
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

local non2xx = 0
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local ms = function(us) return string.format("%.1f ms", us / 1000) end
  io.write(string.format("requests %d in %.1f s (%.0f/s); errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("latency p50 %s  p90 %s  p95 %s  p99 %s  max %s\n",
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(95)), ms(latency:percentile(99)), ms(latency.max)))
end

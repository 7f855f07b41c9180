-- GET /release/{product}/latest?instance_id=..., with a different instance id on each request so
-- the sticky hash runs for many instances, as a fleet of workers would call it.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")

local product = os.getenv("BENCH_PRODUCT") or "bench-00"
local counter = 0

-- setup() runs once per wrk thread in the main Lua state; each thread gets its own id prefix.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", tostring(threads))
end

function request()
  counter = counter + 1
  local instance = "worker-" .. (thread_id or "0") .. "-" .. (counter % 10000)
  return wrk.format("GET", "/release/" .. product .. "/latest?instance_id=" .. instance)
end

-- POST /signals with a JSON array of BENCH_BATCH success signals, half for the stable release and
-- half for the canary in flight. The body is built once per thread and sent on every request.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")

local artifact = os.getenv("BENCH_ARTIFACT") or "registry.example.com/bench-00"
local versions = { os.getenv("BENCH_STABLE") or "1.0.0", os.getenv("BENCH_CANARY") or "1.1.0" }
local batch = tonumber(os.getenv("BENCH_BATCH") or "100")

local items = {}
for i = 1, batch do
  items[i] = string.format(
    '{"artifact_url":"%s","semver_version":"%s","instance_id":"worker-%d",'
      .. '"description":"nightly run","status":"success"}',
    artifact, versions[i % 2 + 1], i)
end
local body = "[" .. table.concat(items, ",") .. "]"

function request()
  return wrk.format("POST", "/signals", { ["Content-Type"] = "application/json" }, body)
end

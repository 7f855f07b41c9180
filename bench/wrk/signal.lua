-- POST /signal: one success signal per request, alternating between the stable release and the
-- canary in flight, each from one of 10,000 instance ids.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")

local artifact = os.getenv("BENCH_ARTIFACT") or "registry.example.com/bench-00"
local versions = { os.getenv("BENCH_STABLE") or "1.0.0", os.getenv("BENCH_CANARY") or "1.1.0" }
local counter = 0

function request()
  counter = counter + 1
  local body = string.format(
    '{"artifact_url":"%s","semver_version":"%s","instance_id":"worker-%d",'
      .. '"description":"nightly run","status":"success"}',
    artifact, versions[counter % 2 + 1], counter % 10000)
  return wrk.format("POST", "/signal", { ["Content-Type"] = "application/json" }, body)
end

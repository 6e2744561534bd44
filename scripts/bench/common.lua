-- Shared by the wrk scripts of scripts/bench.sh: numbers each wrk thread (so generated values stay
-- unique per thread), and prints one machine-readable BENCH line when wrk is done.
-- Load with: dofile(<dir of this file> .. "/common.lua")

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

-- Reads the non-empty lines of a file named by an environment variable.
function read_lines(env)
  local file = os.getenv(env)
  assert(file and file ~= "", env .. " is not set")
  local lines = {}
  for line in io.lines(file) do
    if #line > 0 then lines[#lines + 1] = line end
  end
  assert(#lines > 0, file .. " is empty")
  return lines
end

function seed_random()
  math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "non2xx=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect, e.read, e.write, e.timeout))
end

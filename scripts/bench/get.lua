-- wrk: GET a random one of the request paths listed in the file $BENCH_PATHS (one per line).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local requests = {}

function init(args)
  seed_random()
  for i, path in ipairs(read_lines("BENCH_PATHS")) do
    requests[i] = wrk.format("GET", path)
  end
end

function request()
  return requests[math.random(#requests)]
end

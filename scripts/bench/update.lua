-- wrk: PATCH /api/books/{id} with a new title and price, on a random one of the book ids listed in
-- the file $BENCH_IDS (one per line).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local ids
local counter = 0
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  seed_random()
  ids = read_lines("BENCH_IDS")
end

function request()
  counter = counter + 1
  local cents = 1000 + counter % 9000
  local body = string.format('{"title":"基准更新 %d-%d","price":"%d.%02d"}',
    thread_id, counter, math.floor(cents / 100), cents % 100)
  return wrk.format("PATCH", "/api/books/" .. ids[math.random(#ids)], headers, body)
end

-- wrk: POST /api/books, each with a fresh valid ISBN-13: 979, the 3-digit $BENCH_SALT (changed for
-- every run, so runs do not collide), the wrk thread (1 digit), a 5-digit counter, the check digit.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local salt
local counter = 0
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  salt = os.getenv("BENCH_SALT")
  assert(salt and salt:match("^%d%d%d$"), "BENCH_SALT must be 3 digits")
  assert(thread_id < 10, "at most 10 wrk threads")
end

local function isbn13(twelve)
  local sum = 0
  for i = 1, 12 do
    local digit = twelve:byte(i) - 48
    sum = sum + (i % 2 == 1 and digit or 3 * digit)
  end
  return twelve .. ((10 - sum % 10) % 10)
end

function request()
  counter = counter + 1
  local isbn = isbn13(string.format("979%s%d%05d", salt, thread_id, counter % 100000))
  local cents = 1000 + counter % 9000
  local body = string.format(
    '{"isbn":"%s","title":"基准图书 %s-%d-%d","authors":["基准作者"],"category":"基准测试",' ..
    '"price":"%d.%02d","lendableCopies":2,"stock":5}',
    isbn, salt, thread_id, counter, math.floor(cents / 100), cents % 100)
  return wrk.format("POST", "/api/books", headers, body)
end

#!/usr/bin/env bash
# Benchmark harness: starts the system with a chosen dataset (or uses the running one), drives each
# scenario with wrk (closed loop) and scripts/bench/OpenLoop.java (open loop), measures /ping of the
# same JVM and pgbench single-row inserts in the same run as baselines, and writes a dated section
# into docs/benchmarks.md. Raw outputs go to $SHUCHENG_CACHE/bench/<timestamp>/.
#
#   scripts/bench.sh [options]
#     --dataset modern|full|none  start the system with SHUCHENG_DATASET=<x> scripts/up.sh
#                                 (default: up.sh's default, today the full ~343k-book catalog)
#     --no-up                     use the running system instead of starting it
#     --skip-build                start it with the jars already built (SHUCHENG_SKIP_BUILD=1)
#     --scenarios LIST            comma-separated, default all: pgbench,get,list,list-deep,register,update,lag
#     --duration S                seconds of each closed-loop measurement (BENCH_DURATION, 15)
#     --warmup S                  seconds of warm-up before each read scenario (BENCH_WARMUP, 10)
#     --command-warmup S          seconds of warm-up before each command scenario (BENCH_COMMAND_WARMUP,
#                                 90: on 2 shared cores the command side's JIT needs minutes of load)
#     --open-duration S           seconds of each open-loop measurement (BENCH_OPEN_DURATION, 20)
#     --connections N             wrk/open-loop connections for reads (BENCH_CONNECTIONS, 32)
#     --write-connections N       ... for commands (BENCH_WRITE_CONNECTIONS, 16)
#     --threads N                 wrk threads (BENCH_THREADS, 1)
#     --no-doc                    do not touch docs/benchmarks.md (the section is still in the raw folder)
#     --append                    add the section after earlier runs instead of replacing the last one
#   More knobs (environment): BENCH_OPEN_FRACTION (0.7: open-loop rate as a fraction of the peak),
#   BENCH_COMMAND_RATE (1100: open-loop rate of the command scenarios), BENCH_MIN_BOOKS (2000: books
#   registered first when fewer exist), BENCH_LIST_MAX_PAGE (10: the list scenario's pages are
#   1..N; 0 = any page of the category; list-deep always asks for page 1000),
#   BENCH_LAG_COUNT (300 per client count), BENCH_LAG_CLIENTS ("1 4"), BENCH_PGBENCH_SECONDS (10),
#   BENCH_SETTLE_TIMEOUT (3600) and BENCH_SETTLE_STALL (120): how long to wait for the projections
#   to catch up before measuring, in all and without progress.
#   Another instance: SHUCHENG_COMMAND_URL, SHUCHENG_QUERY_URL and SHUCHENG_BENCH_DB (database of
#   both apps, default shucheng) with --no-up.
#
# Every process involved (load generators, both apps, PostgreSQL, Elasticsearch) shares the same
# cores; the report says where the CPU went in each measurement, so a noisy run is visible.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set_log_tag bench

COMMAND_URL=${SHUCHENG_COMMAND_URL:-http://127.0.0.1:8081}
QUERY_URL=${SHUCHENG_QUERY_URL:-http://127.0.0.1:8082}
PG_HOST=127.0.0.1
PG_PORT=5432
DB_USER=shucheng
DB_PASSWORD=shucheng
APP_DB=${SHUCHENG_BENCH_DB:-shucheng}
SCRATCH_DB=shucheng_bench
BENCH_DIR="$SHUCHENG_SCRIPTS/bench"
DOC="$SHUCHENG_ROOT/docs/benchmarks.md"
ALL_SCENARIOS=pgbench,get,list,list-deep,register,update,lag
BENCH_CATEGORY=基准测试

ARGS_TEXT="$*"
dataset=""
do_up=1
skip_build=""
scenarios=$ALL_SCENARIOS
write_doc=1
append=""
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-10}
COMMAND_WARMUP=${BENCH_COMMAND_WARMUP:-90}
OPEN_DURATION=${BENCH_OPEN_DURATION:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WRITE_CONNECTIONS=${BENCH_WRITE_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-1}
OPEN_FRACTION=${BENCH_OPEN_FRACTION:-0.7}
COMMAND_RATE=${BENCH_COMMAND_RATE:-1100}
MIN_BOOKS=${BENCH_MIN_BOOKS:-2000}
LIST_MAX_PAGE=${BENCH_LIST_MAX_PAGE:-10}
LAG_COUNT=${BENCH_LAG_COUNT:-300}
LAG_CLIENTS=${BENCH_LAG_CLIENTS:-"1 4"}
PGBENCH_SECONDS=${BENCH_PGBENCH_SECONDS:-10}
SETTLE_TIMEOUT=${BENCH_SETTLE_TIMEOUT:-3600}
SETTLE_STALL=${BENCH_SETTLE_STALL:-120}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

while (($#)); do
  case "$1" in
    --dataset) dataset="${2:?--dataset needs modern, full or none}"; shift ;;
    --no-up) do_up="" ;;
    --skip-build) skip_build=1 ;;
    --scenarios) scenarios="${2:?}"; shift ;;
    --duration) DURATION="${2:?}"; shift ;;
    --warmup) WARMUP="${2:?}"; shift ;;
    --command-warmup) COMMAND_WARMUP="${2:?}"; shift ;;
    --open-duration) OPEN_DURATION="${2:?}"; shift ;;
    --connections) CONNECTIONS="${2:?}"; shift ;;
    --write-connections) WRITE_CONNECTIONS="${2:?}"; shift ;;
    --threads) THREADS="${2:?}"; shift ;;
    --no-doc) write_doc="" ;;
    --append) append=1 ;;
    -h | --help) usage ;;
    *) warn "unknown option $1"; usage ;;
  esac
  shift
done

case "$dataset" in "" | modern | full | none) ;; *) die "--dataset must be modern, full or none" ;; esac
for s in ${scenarios//,/ }; do
  [[ ",$ALL_SCENARIOS," == *",$s,"* ]] || die "unknown scenario '$s' (known: $ALL_SCENARIOS)"
done
wants() { [[ ",$scenarios," == *",$1,"* ]]; }

# ---------------------------------------------------------------- tools

ensure_tools() {
  require_jdk
  require_cmd curl awk
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  if ! command -v pgbench >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
    missing+=(postgresql-client)
  fi
  if ((${#missing[@]})); then
    is_root || die "missing ${missing[*]}: install with 'sudo apt-get install -y ${missing[*]}'"
    info "installing ${missing[*]} (Debian packages)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null ||
      { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; } ||
      die "apt-get install ${missing[*]} failed"
  fi
}

# sql DB STATEMENT: one query as the app role, unaligned output without headers.
sql() {
  PGPASSWORD="$DB_PASSWORD" psql -X -w -q -At -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d "$1" -c "$2"
}

# ---------------------------------------------------------------- the system

start_system() {
  if [[ -z "$do_up" ]]; then
    curl -fsS -o /dev/null --max-time 5 "$COMMAND_URL/actuator/health/readiness" ||
      die "command side not ready at $COMMAND_URL (start it with scripts/up.sh, or drop --no-up)"
    curl -fsS -o /dev/null --max-time 5 "$QUERY_URL/actuator/health/readiness" ||
      die "query side not ready at $QUERY_URL (start it with scripts/up.sh, or drop --no-up)"
    info "using the running system"
    return
  fi
  info "starting the system: ${dataset:+SHUCHENG_DATASET=$dataset }scripts/up.sh"
  (
    if [[ -n "$dataset" ]]; then export SHUCHENG_DATASET="$dataset"; fi
    if [[ -n "$skip_build" ]]; then export SHUCHENG_SKIP_BUILD=1; fi
    bash "$SHUCHENG_SCRIPTS/up.sh"
  ) >"$RAW/up.log" 2>&1 || { tail -n 40 "$RAW/up.log" >&2; die "scripts/up.sh failed (log: $RAW/up.log)"; }
  info "system up (log: $RAW/up.log)"
}

# app_pid URL: the process listening on the URL's port (however it was started).
app_pid() {
  local port="${1##*:}"
  port="${port%%/*}"
  ss -Hltnp "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n1
}

# The lowest position any query-side tracking processor has reached, and the event store's head.
projection_positions() {
  # Only processors that hold a claim touched in the last minute count: a renamed processor leaves
  # its old token behind. No token yet means "before the first event".
  sql "$APP_DB" "
    select coalesce((select min(case when token is null then -1
                                     else coalesce(convert_from(token, 'UTF8')::json->>'index',
                                                   convert_from(token, 'UTF8')::json->'tokenAtReset'->>'index',
                                                   '-1')::bigint end)
                     from query.token_entry
                     where owner is not null and time_stamp::timestamptz > now() - interval '1 minute'), -1),
           coalesce((select max(global_index) from command.domain_event_entry), -1)"
}

# Waits until every query-side processor has handled every event, so a backlog being projected
# does not eat the CPU of the next measurement. Gives up when they stop moving for SETTLE_STALL
# seconds or after SETTLE_TIMEOUT (a fresh full dataset takes a while to index).
wait_projections() {
  local start=$SECONDS moved=$SECONDS pos head last=-2
  while true; do
    IFS='|' read -r pos head < <(projection_positions)
    if ((pos >= head)); then
      ((SECONDS - start < 2)) || info "projections caught up with event $head after $((SECONDS - start)) s"
      return 0
    fi
    if ((pos != last)); then last=$pos; moved=$SECONDS; fi
    if ((SECONDS - moved >= SETTLE_STALL || SECONDS - start >= SETTLE_TIMEOUT)); then
      warn "projections at $pos of $head after $((SECONDS - start)) s, not moving or too slow; measuring anyway"
      return 0
    fi
    if (((SECONDS - start) % 30 == 29)); then info "waiting for the projections: at $pos of $head"; fi
    sleep 1
  done
}

active_books() { sql "$APP_DB" "select count(*) from query.book where status = 'ACTIVE'"; }

# New ISBN salt for every generator run (3 digits, persisted), so runs never reuse an ISBN.
next_salt() {
  local file="$SHUCHENG_CACHE/bench/isbn-salt" n=0
  [[ -s "$file" ]] && n=$(($(tr -dc 0-9 <"$file") + 1))
  n=$((n % 1000))
  printf '%s\n' "$n" >"$file"
  printf '%03d\n' "$n"
}

# The Java load generators, compiled once up front so that no measurement pays for javac.
compile_tools() {
  "$JAVA_HOME/bin/javac" -d "$RAW/classes" "$BENCH_DIR/OpenLoop.java" "$BENCH_DIR/ProjectionLag.java" ||
    die "compiling scripts/bench/*.java failed"
}
# A small heap and serial GC: the generator must take as little as possible from the servers.
tool() { "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m -Xss512k -cp "$RAW/classes" "$@"; }
openloop() { tool OpenLoop "$@"; }

ensure_books() {
  local have need
  have=$(active_books)
  if ((have >= MIN_BOOKS)); then
    info "$have active books in the catalog"
    return
  fi
  need=$((MIN_BOOKS - have))
  info "only $have active books; registering $need more (category $BENCH_CATEGORY)"
  openloop --url "$COMMAND_URL" --count "$need" --connections 8 --register "$(next_salt)" >"$RAW/seed.txt" 2>&1 ||
    { cat "$RAW/seed.txt" >&2; die "seeding books failed"; }
  wait_projections
}

# Request files: ids for GET/PATCH, listing paths with the category percent-encoded in SQL.
gather_requests() {
  sql "$APP_DB" "select book_id from query.book where status = 'ACTIVE' order by random() limit 5000" >"$RAW/ids.txt"
  sed 's|^|/api/books/|' "$RAW/ids.txt" >"$RAW/get.paths"
  echo /ping >"$RAW/ping.paths"
  # A category is drawn in proportion to its books, then a page uniformly among its first
  # BENCH_LIST_MAX_PAGE pages (all of them with 0): people browsing a shelf.
  sql "$APP_DB" "
    with c as (select category, count(*) as n from query.book where status = 'ACTIVE' group by category),
         e as (select category, (select string_agg(case when b between 48 and 57 or b between 65 and 90
                                                          or b between 97 and 122 or b in (45, 46, 95, 126)
                                                        then chr(b) else '%' || upper(lpad(to_hex(b), 2, '0')) end,
                                                   '' order by i)
                                 from (select i, get_byte(convert_to(category, 'UTF8'), i) as b
                                       from generate_series(0, octet_length(convert_to(category, 'UTF8')) - 1) i) bytes) as enc
               from c)
    select '/api/books?category=' || e.enc || '&sort=title&page='
           || 1 + floor(random() * least(ceil(c.n / 20.0), case when $LIST_MAX_PAGE > 0 then $LIST_MAX_PAGE else 2147483647 end))::int
           || '&size=20'
    from (select category from query.book where status = 'ACTIVE' order by random() limit 5000) b
    join c using (category) join e using (category)" >"$RAW/list.paths"
  # Page 1000 (offset 19,980) of every listing that has one: the whole catalog in each order, and
  # each category of at least 20,000 books sorted by title, price and newest.
  sql "$APP_DB" "
    with big as (select category from query.book where status = 'ACTIVE' group by category having count(*) >= 20000),
         enc as (select category, (select string_agg(case when b between 48 and 57 or b between 65 and 90
                                                            or b between 97 and 122 or b in (45, 46, 95, 126)
                                                          then chr(b) else '%' || upper(lpad(to_hex(b), 2, '0')) end,
                                                     '' order by i)
                                   from (select i, get_byte(convert_to(category, 'UTF8'), i) as b
                                         from generate_series(0, octet_length(convert_to(category, 'UTF8')) - 1) i) bytes) as e
                 from big),
         sorts as (select unnest(array['title', 'price', '-price', 'newest']) as sort)
    select '/api/books?sort=' || sort || '&page=1000&size=20' from sorts
    union all
    select '/api/books?category=' || e || '&sort=' || sort || '&page=1000&size=20' from enc cross join sorts" >"$RAW/list-deep.paths"
  info "request files: $(wc -l <"$RAW/ids.txt") book ids, $(wc -l <"$RAW/list.paths") listing paths," \
    "$(wc -l <"$RAW/list-deep.paths") page-1000 listings" \
    "over $(sql "$APP_DB" "select count(distinct category) from query.book where status = 'ACTIVE'") categories"
}

# ---------------------------------------------------------------- CPU accounting

# Prints "all command query 0 elasticsearch pid:ticks…" CPU ticks used so far (all = the machine's
# busy ticks), one pid:ticks word per postgres process: backends come and go (pgbench's, the apps'
# new pool connections), so PostgreSQL's share is summed per process over those alive at the end.
# The load generator is not sampled here: it is a child of this script, timed by `times`.
cpu_ticks() {
  local f pid rest comm ticks cmdline all c=0 q=0 p="" e=0
  all=$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat)
  for f in /proc/[0-9]*/stat; do
    read -r rest 2>/dev/null <"$f" || continue
    pid=${rest%% *}
    comm=${rest#*(}
    comm=${comm%)*}
    rest=${rest##*) }
    # After "comm) ": state is word 1, utime word 12, stime word 13.
    # shellcheck disable=SC2086
    set -- $rest
    ticks=$((${12} + ${13}))
    if [[ "$pid" == "$APP_PID_COMMAND" ]]; then c=$((c + ticks))
    elif [[ "$pid" == "$APP_PID_QUERY" ]]; then q=$((q + ticks))
    elif [[ "$comm" == postgres ]]; then p+=" $pid:$ticks"
    elif [[ "$comm" == java ]]; then
      cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
      if [[ "$cmdline" == *org.elasticsearch* ]]; then e=$((e + ticks)); fi
    fi
  done
  echo "$all $c $q 0 $e$p"
}

# measured NAME OUT COMMAND...: runs COMMAND (a load generator) with its output in OUT and records
# where the CPU went meanwhile, in percent of one core, in $RAW/cpu.psv:
# NAME|all|command side|query side|PostgreSQL|Elasticsearch|load generator|other
measured() {
  local name="$1" out="$2" before after t0 t1 rc=0
  shift 2
  before=$(cpu_ticks)
  t0=$EPOCHREALTIME
  ( "$@" >"$out" 2>&1 || exit; times >"$out.times" ) || rc=$?
  t1=$EPOCHREALTIME
  after=$(cpu_ticks)
  # `times` prints the shell's user/system time, then its children's: the generator's.
  awk -v a="$before" -v b="$after" -v hz="$(getconf CLK_TCK)" -v t0="$t0" -v t1="$t1" -v name="$name" \
    -v gen="$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, m, "m"); s += m[1] * 60 + m[2] } } END { print s + 0 }' "$out.times" 2>/dev/null)" \
    'BEGIN {
      secs = t1 - t0; if (secs <= 0) secs = 1
      split(a, x, " "); split(b, y, " ")
      for (i = 1; i <= 5; i++) d[i] = (y[i] - x[i]) * 100 / hz / secs
      # PostgreSQL: per process; one born during the measurement counts from zero.
      for (i = 6; i in x; i++) { split(x[i], kv, ":"); was[kv[1]] = kv[2] }
      pg = 0
      for (i = 6; i in y; i++) { split(y[i], kv, ":"); pg += kv[2] - ((kv[1] in was) ? was[kv[1]] : 0) }
      d[4] = pg * 100 / hz / secs
      g = gen * 100 / secs
      other = d[1] - d[2] - d[3] - d[4] - d[5] - g; if (other < 0) other = 0
      printf "%s|%.0f|%.0f|%.0f|%.0f|%.0f|%.0f|%.0f\n", name, d[1], d[2], d[3], d[4], d[5], g, other }' >>"$RAW/cpu.psv"
  rm -f "$out.times"
  return "$rc"
}

# ---------------------------------------------------------------- measurements

# Results: one "|"-separated line per table row in $RAW/results.psv:
# kind|name|model|rps|p50|p99|max|baseline_text|target|result
record() { printf '%s\n' "$*" >>"$RAW/results.psv"; }

# field KEY FILE: the value of KEY=... on the BENCH/RESULT line of a generator's output.
field() { sed -n "s/^\(BENCH\|RESULT\) .*\<$1=\([^ ]*\).*/\2/p" "$2" | tail -n1; }

# failures FILE: failed requests (non-2xx, socket errors, timeouts) of a wrk or OpenLoop run.
failures() {
  local k v bad=0
  for k in non2xx connect_errors read_errors write_errors timeouts io_errors unsent; do
    v=$(field "$k" "$1")
    bad=$((bad + ${v:-0}))
  done
  echo "$bad"
}

# wrk_run NAME URL SCRIPT SECONDS CONNECTIONS [ENV=VALUE...]: closed loop, raw output in $RAW/NAME.txt
wrk_run() {
  local name="$1" url="$2" script="$3" seconds="$4" conns="$5"
  shift 5
  local out="$RAW/$name.txt"
  info "wrk $name: -t$THREADS -c$conns -d${seconds}s $url"
  measured "$name" "$out" env "$@" wrk -t"$THREADS" -c"$conns" -d"${seconds}s" --timeout 10s --latency \
    -s "$BENCH_DIR/$script" "$url" || { cat "$out" >&2; die "wrk $name failed"; }
  local errors
  errors=$(failures "$out")
  if ((errors > 0)); then
    warn "$name: $errors of $(field requests "$out") requests failed (non-2xx or socket errors; see $out)"
  fi
}

# open_run NAME URL RATE CONNECTIONS ARGS...: open loop, raw output in $RAW/NAME.txt
open_run() {
  local name="$1" url="$2" rate="$3" conns="$4"
  shift 4
  local out="$RAW/$name.txt"
  info "open loop $name: $rate req/s over $conns connections for ${OPEN_DURATION}s (+3 s warm-up) $url"
  measured "$name" "$out" openloop --url "$url" --rate "$rate" --duration "$OPEN_DURATION" --warmup 3 \
    --connections "$conns" "$@" || { cat "$out" >&2; warn "open loop $name failed"; }
  local failed
  failed=$(failures "$out")
  ((failed == 0)) || warn "$name: $failed requests failed (see $out)"
}

# fmt helpers
num() { awk -v v="$1" 'BEGIN { if (v == "") print "–"; else if (v >= 100) printf "%\047.0f\n", v; else printf "%.1f\n", v }'; }
msf() { awk -v v="$1" 'BEGIN { if (v == "") print "–"; else if (v >= 100) printf "%.0f ms\n", v; else if (v >= 10) printf "%.1f ms\n", v; else printf "%.2f ms\n", v }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
pass_fail() { if "$@"; then echo pass; else echo "**fail**"; fi; }
# both CMD1... -- CMD2...: true when both commands are.
both() {
  local first=()
  while [[ "$1" != -- ]]; do first+=("$1"); shift; done
  shift
  "${first[@]}" && "$@"
}

closed_row() { # NAME LABEL CONNECTIONS BASELINE TARGET RESULT
  local out="$RAW/$1.txt"
  record "closed|$2|closed loop, wrk $THREADS thread(s), $3 connections, ${DURATION} s|$(num "$(field rps "$out")")|$(msf "$(field p50_ms "$out")")|$(msf "$(field p99_ms "$out")")|$(msf "$(field max_ms "$out")")|$4|$5|$6"
}

open_row() { # NAME LABEL CONNECTIONS BASELINE TARGET RESULT
  local out="$RAW/$1.txt"
  record "open|$2|open loop, $(num "$(field intended_rps "$out")") req/s intended over $3 connections, ${OPEN_DURATION} s|$(num "$(field achieved_rps "$out")")|$(msf "$(field p50_ms "$out")")|$(msf "$(field p99_ms "$out")")|$(msf "$(field max_ms "$out")")|$4|$5|$6"
}

# few_errors FILE: at most 0.1% of the requests of a wrk or OpenLoop run failed.
few_errors() {
  local requests
  requests=$(field requests "$1")
  ((${requests:-0} > 0 && $(failures "$1") * 1000 <= requests))
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f\n", 100 * a / b; else print 0 }'; }

# A read scenario: warm-up of the endpoint and /ping, /ping's peak, the endpoint's peak (same wrk
# settings), then the endpoint at OPEN_FRACTION of its peak, open loop.
read_scenario() {
  local key="$1" label="$2" paths="$3" ratio_target="$4" p99_target="$5"
  wrk_run "$key-warmup" "$QUERY_URL" get.lua "$WARMUP" "$CONNECTIONS" BENCH_PATHS="$RAW/$paths"
  wrk_run "$key-ping-warmup" "$QUERY_URL" get.lua 3 "$CONNECTIONS" BENCH_PATHS="$RAW/ping.paths"
  wrk_run "$key-ping" "$QUERY_URL" get.lua "$DURATION" "$CONNECTIONS" BENCH_PATHS="$RAW/ping.paths"
  wrk_run "$key-peak" "$QUERY_URL" get.lua "$DURATION" "$CONNECTIONS" BENCH_PATHS="$RAW/$paths"
  local ping peak pct rate
  ping=$(field rps "$RAW/$key-ping.txt")
  peak=$(field rps "$RAW/$key-peak.txt")
  pct=$(ratio "$peak" "$ping")
  closed_row "$key-ping" "GET /ping (query side), next to $label" "$CONNECTIONS" "baseline" "–" "–"
  if ((ratio_target > 0)); then
    closed_row "$key-peak" "$label" "$CONNECTIONS" "$pct% of /ping" "≥ $ratio_target% of /ping" \
      "$(pass_fail both ge "$pct" "$ratio_target" -- few_errors "$RAW/$key-peak.txt")"
  else
    closed_row "$key-peak" "$label" "$CONNECTIONS" "$pct% of /ping" "–" \
      "$(few_errors "$RAW/$key-peak.txt" && echo – || echo "**errors**")"
  fi
  rate=$(awk -v p="$peak" -v f="$OPEN_FRACTION" 'BEGIN { printf "%.0f\n", p * f }')
  open_run "$key-open" "$QUERY_URL" "$rate" "$CONNECTIONS" --paths "$RAW/$paths"
  local out="$RAW/$key-open.txt" ok
  ok=$(awk -v p99="$(field p99_ms "$out")" -v t="$p99_target" -v a="$(field achieved_rps "$out")" -v r="$rate" \
    -v bad="$(failures "$out")" -v n="$(field requests "$out")" \
    'BEGIN { print (p99 != "" && p99 <= t && a >= 0.97 * r && n > 0 && bad * 1000 <= n) ? "pass" : "**fail**" }')
  open_row "$key-open" "$label" "$CONNECTIONS" "$(awk -v f="$OPEN_FRACTION" 'BEGIN { printf "%.0f", f * 100 }')% of its peak" \
    "p99 ≤ $p99_target ms" "$ok"
}

# A command scenario: warm-up, closed-loop peak, then open loop at COMMAND_RATE.
command_scenario() {
  local key="$1" label="$2" script="$3"
  shift 3
  local gen_args=("$@")
  local envs=(BENCH_IDS="$RAW/ids.txt")
  wrk_run "$key-warmup" "$COMMAND_URL" "$script" "$COMMAND_WARMUP" "$WRITE_CONNECTIONS" "${envs[@]}" BENCH_SALT="$(next_salt)"
  wait_projections
  wrk_run "$key-peak" "$COMMAND_URL" "$script" "$DURATION" "$WRITE_CONNECTIONS" "${envs[@]}" BENCH_SALT="$(next_salt)"
  local peak vs="–" result
  peak=$(field rps "$RAW/$key-peak.txt")
  result=$(pass_fail both ge "$peak" "$COMMAND_RATE" -- few_errors "$RAW/$key-peak.txt")
  if [[ -n "${PGBENCH_TPS8:-}" ]]; then
    vs="$(ratio "$peak" "$PGBENCH_TPS8")% of pgbench (8 clients)"
    ge "$(ratio "$peak" "$PGBENCH_TPS8")" 25 || result="$result (below the 25% aim)"
  fi
  closed_row "$key-peak" "$label" "$WRITE_CONNECTIONS" "$vs" "≥ $COMMAND_RATE/s; aim ≥ 25% of pgbench" "$result"
  wait_projections
  if [[ "${gen_args[0]}" == --register ]]; then gen_args[1]=$(next_salt); fi
  open_run "$key-open" "$COMMAND_URL" "$COMMAND_RATE" "$WRITE_CONNECTIONS" "${gen_args[@]}"
  local out="$RAW/$key-open.txt" ok
  ok=$(awk -v p99="$(field p99_ms "$out")" -v a="$(field achieved_rps "$out")" -v r="$COMMAND_RATE" \
    -v bad="$(failures "$out")" -v n="$(field requests "$out")" \
    'BEGIN { print (p99 != "" && p99 <= 25 && a >= 0.97 * r && n > 0 && bad * 1000 <= n) ? "pass" : "**fail**" }')
  open_row "$key-open" "$label" "$WRITE_CONNECTIONS" "–" "p99 ≤ 25 ms at $COMMAND_RATE/s" "$ok"
  wait_projections
}

pgbench_scenario() {
  info "pgbench: scratch database $SCRATCH_DB"
  bash "$SHUCHENG_SCRIPTS/postgres.sh" createdb "$SCRATCH_DB" >"$RAW/pgbench-setup.txt" 2>&1 ||
    { cat "$RAW/pgbench-setup.txt" >&2; die "could not create $SCRATCH_DB"; }
  # Shaped like a row of Axon's event table: a sequence, a unique event id, a unique
  # (aggregate, sequence) pair, and a few hundred bytes of JSON payload.
  sql "$SCRATCH_DB" "
    create table event_like (
      global_index bigserial primary key, event_id uuid not null unique, aggregate_id text not null,
      seq bigint not null, type text not null, payload bytea not null, meta_data bytea,
      time_stamp text not null, unique (aggregate_id, seq))"
  cat >"$RAW/pgbench-insert.sql" <<'EOF'
insert into event_like (event_id, aggregate_id, seq, type, payload, meta_data, time_stamp)
values (gen_random_uuid(), gen_random_uuid()::text, 0, 'com.shucheng.events.book.BookRegistered',
        convert_to('{"bookId":"6c1f0c8e-3b1a-4d7e-9a55-1f2e3d4c5b6a","isbn":"9787020008704","title":"三国演义","authors":["罗贯中"],"category":"古典小说","price":39.50,"lendableCopies":3,"stock":10}', 'UTF8'),
        convert_to('{"correlationId":"6c1f0c8e-3b1a-4d7e-9a55-1f2e3d4c5b6a","traceId":"6c1f0c8e-3b1a-4d7e-9a55-1f2e3d4c5b6a"}', 'UTF8'),
        now()::text);
EOF
  local clients out tps lat
  for clients in 1 8; do
    out="$RAW/pgbench-$clients.txt"
    info "pgbench: single-row inserts, $clients client(s), ${PGBENCH_SECONDS}s"
    measured "pgbench-$clients" "$out" env PGPASSWORD="$DB_PASSWORD" pgbench -n -M prepared -h "$PG_HOST" \
      -p "$PG_PORT" -U "$DB_USER" -c "$clients" -j "$((clients < 2 ? 1 : 2))" -T "$PGBENCH_SECONDS" \
      -f "$RAW/pgbench-insert.sql" "$SCRATCH_DB" || { cat "$out" >&2; die "pgbench failed"; }
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out" | head -n1)
    lat=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$out")
    if ((clients == 8)); then PGBENCH_TPS8=$tps; fi
    record "closed|pgbench single-row insert, $clients client(s)|closed loop, $clients client(s), ${PGBENCH_SECONDS} s, synchronous_commit=$SYNC_COMMIT|$(num "$tps")|avg $(msf "$lat")|–|–|baseline|–|–"
  done
  sql postgres "drop database if exists $SCRATCH_DB" >/dev/null 2>&1 || true
}

lag_scenario() {
  local clients out
  for clients in $LAG_CLIENTS; do
    out="$RAW/lag-$clients.txt"
    info "projection lag: $LAG_COUNT registrations per client, $clients closed-loop client(s)"
    measured "lag-$clients" "$out" tool ProjectionLag "$((LAG_COUNT * clients))" "$clients" "$COMMAND_URL" "$QUERY_URL" ||
      { cat "$out" >&2; warn "projection lag with $clients client(s) failed"; continue; }
    # Lines: "<what>  n=  N  p50  x ms  p90  y ms  p99  z ms  max  w ms"
    local what n p50 p99 max target res
    while IFS='|' read -r what n p50 p99 max; do
      case "$what" in
        *"answers 200"*) target="p99 ≤ 250 ms"; res=$(pass_fail ge 250 "$p99") ;;
        *"finds it"*) target="p99 ≤ 1 s"; res=$(pass_fail ge 1000 "$p99") ;;
        *) target="–"; res="–" ;;
      esac
      record "lag|projection lag: $what|closed loop, $clients client(s), n=$n|–|$(msf "$p50")|$(msf "$p99")|$(msf "$max")|–|$target|$res"
    done < <(sed -n 's/^\(.*[^ ]\) *n= *\([0-9]*\) *p50 *\([0-9.]*\) ms *p90 *[0-9.]* ms *p99 *\([0-9.]*\) ms *max *\([0-9.]*\) ms.*/\1|\2|\3|\4|\5/p' "$out")
    wait_projections
  done
}

# ---------------------------------------------------------------- report

machine_facts() {
  local cpu cores mem jdk pg books events qpid flags
  cores=$(nproc)
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
  mem=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
  qpid=$APP_PID_QUERY
  jdk=$("$(readlink -f "/proc/$qpid/exe" 2>/dev/null || echo "$JAVA_HOME/bin/java")" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java.runtime.version = //p' | head -n1)
  flags=$(tr '\0' '\n' <"/proc/$qpid/cmdline" 2>/dev/null | grep '^-X' | tr '\n' ' ' || true)
  pg=$(sql "$APP_DB" "show server_version")
  books=$(sql "$APP_DB" "select count(*) from query.book")
  events=$(sql "$APP_DB" "select count(*) from command.domain_event_entry")
  cat <<EOF
Machine: $cores cores ($cpu), $mem. JDK $jdk for both apps (${flags:-default flags}); PostgreSQL $pg
(synchronous_commit=$SYNC_COMMIT); Elasticsearch 8.19.21. Dataset at the start: $(num "$books") books in
\`query.book\`, $(num "$events") events in the event store (\`--dataset ${dataset:-default}\`$([[ -z "$do_up" ]] && echo ", running system")). Load average
before the run: $LOAD_BEFORE.

**The load generators (wrk 4.1, \`scripts/bench/OpenLoop.java\`, pgbench), both apps, PostgreSQL and
Elasticsearch all share these $cores cores**: every figure is what the system does while also
generating its own load. The CPU table below says where the time went in each measurement; a
large "other" means something else was running and the run is noisy.
EOF
}

write_report() {
  local md="$RAW/report.md" stamp
  stamp=$(date -u '+%Y-%m-%d %H:%M UTC')
  {
    echo "<!-- bench.sh:begin -->"
    echo "## Catalog benchmark run $stamp"
    echo
    echo "Generated by \`scripts/bench.sh $ARGS_TEXT\`; raw outputs were kept in \`$RAW\`."
    echo
    machine_facts
    echo
    echo "Settings: warm-up ${WARMUP} s per read scenario, ${COMMAND_WARMUP} s per command scenario; closed-loop runs ${DURATION} s with wrk; open-loop runs ${OPEN_DURATION} s"
    echo "(after 3 s of their own warm-up) with \`OpenLoop.java\`, latency counted from each request's intended"
    echo "send time; reads at $(awk -v f="$OPEN_FRACTION" 'BEGIN { printf "%.0f", f * 100 }')% of the same scenario's closed-loop peak, commands at $COMMAND_RATE/s."
    echo
    echo "| scenario | load model | req/s | p50 | p99 | max | vs baseline | target | result |"
    echo "|---|---|---|---|---|---|---|---|---|"
    awk -F'|' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8, $9, $10 }' "$RAW/results.psv"
    echo
    echo "Where the CPU went (percent of one core; $(nproc) cores = $(($(nproc) * 100))%):"
    echo
    echo "| measurement | all | command side | query side | PostgreSQL | Elasticsearch | load generator | other |"
    echo "|---|---|---|---|---|---|---|---|"
    grep -v -- '-warmup|' "$RAW/cpu.psv" | awk -F'|' '{ printf "| %s | %s%% | %s%% | %s%% | %s%% | %s%% | %s%% | %s%% |\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
    echo
    echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "<!-- bench.sh:end -->"
  } >"$md"
  info "report: $md"
  if [[ -z "$write_doc" ]]; then
    cat "$md"
    return
  fi
  if [[ -z "$append" ]] && grep -q '^<!-- bench.sh:begin -->' "$DOC"; then
    # Replace the last generated section in place.
    awk -v md="$md" '
      { lines[NR] = $0 }
      /^<!-- bench.sh:begin -->/ { b = NR }
      /^<!-- bench.sh:end -->/ { e = NR }
      END {
        for (i = 1; i < b; i++) print lines[i]
        while ((getline l < md) > 0) print l
        for (i = e + 1; i <= NR; i++) print lines[i]
      }' "$DOC" >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"
  else
    { echo; cat "$md"; } >>"$DOC"
  fi
  info "wrote the section into $DOC"
}

# ---------------------------------------------------------------- main

main() {
  ensure_dirs
  ensure_tools
  RAW="$SHUCHENG_CACHE/bench/$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$RAW"
  : >"$RAW/results.psv"
  : >"$RAW/cpu.psv"
  info "raw outputs: $RAW"
  compile_tools
  start_system
  APP_PID_COMMAND=$(app_pid "$COMMAND_URL")
  APP_PID_QUERY=$(app_pid "$QUERY_URL")
  [[ -n "$APP_PID_COMMAND" && -n "$APP_PID_QUERY" ]] || warn "cannot tell the apps' processes apart (ss); the CPU table will lump them into other"
  wait_projections
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  SYNC_COMMIT=$(sql "$APP_DB" "show synchronous_commit")
  if wants get || wants list || wants list-deep || wants update; then
    ensure_books
    gather_requests
    # Earlier runs leave changed rows behind; vacuum the read tables now (what autovacuum reaches
    # between bursts of writes), so that every run's reads start from the same state.
    info "vacuum (analyze) of the read tables"
    sql "$APP_DB" "vacuum (analyze) query.book, query.book_tally, query.book_price_tally, query.author, query.category"
  fi

  wants pgbench && pgbench_scenario
  wants get && read_scenario get "GET /api/books/{id}" get.paths 45 20
  wants list && read_scenario list "GET /api/books?category=…&sort=title&page=1..$LIST_MAX_PAGE&size=20" list.paths 30 30
  wants list-deep && read_scenario list-deep "GET /api/books?[category=…&]sort=…&page=1000&size=20" list-deep.paths 0 30
  wants register && command_scenario register "POST /api/books (register)" register.lua --register 000
  wants update && command_scenario update "PATCH /api/books/{id} (title, price)" update.lua --update "$RAW/ids.txt"
  wants lag && lag_scenario

  write_report
}

main

#!/usr/bin/env bash
# Runs the whole shucheng system locally, or its full test suite.
#
#   scripts/shucheng.sh up              build, start PostgreSQL + Elasticsearch + both apps, load demo data
#   scripts/shucheng.sh down            stop the apps, Elasticsearch, and PostgreSQL if we started it
#   scripts/shucheng.sh status          what runs where
#   scripts/shucheng.sh test [MVN ARGS] build, fresh test database and indices, test command-side on
#                                       :18081, then mvn -B verify [MVN ARGS]; exits with Maven's code
#
# Knobs: SHUCHENG_CACHE (see lib.sh), SHUCHENG_SKIP_BUILD=1 (reuse the jars already built),
#        SHUCHENG_APP_START_TIMEOUT (seconds, default 180).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set_log_tag shucheng

PG_JDBC_BASE="jdbc:postgresql://127.0.0.1:5432"
DB_USER=shucheng
DB_PASSWORD=shucheng
ES_URL="http://127.0.0.1:9200"

COMMAND_JAR="$SHUCHENG_ROOT/command-side/target/command-side.jar"
QUERY_JAR="$SHUCHENG_ROOT/query-side/target/query-side.jar"
COMMAND_PORT=8081
QUERY_PORT=8082
TEST_COMMAND_PORT=18081
TEST_DB=shucheng_test
TEST_INDEX_PREFIX=test-
APP_START_TIMEOUT="${SHUCHENG_APP_START_TIMEOUT:-180}"

# ---------------------------------------------------------------- steps

build() {
  if [[ -n "${SHUCHENG_SKIP_BUILD:-}" ]]; then
    info "SHUCHENG_SKIP_BUILD set: using the jars already in */target"
    return 0
  fi
  local start=$SECONDS
  info "building (mvn -B -q -DskipTests install) with JDK $JAVA_HOME"
  (cd "$SHUCHENG_ROOT" && mvn -B -q -DskipTests install) || die "the build failed (see Maven's output above)"
  info "build done in $((SECONDS - start)) s"
}

# Daemons started from here must not inherit the lock (fd 9, see take_lock).
postgres() { bash "$SHUCHENG_SCRIPTS/postgres.sh" "$@" 9>&-; }
elasticsearch() { bash "$SHUCHENG_SCRIPTS/elasticsearch.sh" "$@" 9>&-; }

app_pidfile() { printf '%s/%s.pid\n' "$SHUCHENG_RUN" "$1"; }

# The jar an app runs from, checked against the pid's command line before signalling it. Only the
# file name: the pid files and ports are the machine's, so an app started from another checkout
# of shucheng is the same app (stopped and replaced, not left running without its pid file).
app_jar() {
  case "$1" in
    command-side | command-side-test) printf '/%s\n' "${COMMAND_JAR##*/}" ;;
    query-side) printf '/%s\n' "${QUERY_JAR##*/}" ;;
  esac
}

app_running() { pid_alive "$(app_pidfile "$1")" "$(app_jar "$1")"; }
app_log() { printf '%s/%s.log\n' "$SHUCHENG_LOGS" "$1"; }

# start_app NAME JAR PORT DATABASE INDEX_PREFIX
# Starts a Spring Boot jar in the background (restarting it if this script started it before)
# and waits until /actuator/health/readiness answers 200.
start_app() {
  local name="$1" jar="$2" port="$3" db="$4" prefix="$5"
  local pidfile log pid start=$SECONDS
  pidfile="$(app_pidfile "$name")"
  log="$(app_log "$name")"

  [[ -f "$jar" ]] || die "$jar not found: build first (mvn -B -DskipTests install)"
  if app_running "$name"; then
    stop_app "$name"
  fi
  if port_in_use "$port"; then
    die "port $port is taken by another program; $name cannot start"
  fi
  if [[ -f "$log" ]]; then mv -f "$log" "$log.previous"; fi

  info "starting $name on port $port (database $db, log $log)"
  SPRING_DATASOURCE_URL="$PG_JDBC_BASE/$db" \
    SPRING_DATASOURCE_USERNAME="$DB_USER" \
    SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
    SERVER_PORT="$port" \
    SHUCHENG_ELASTICSEARCH_URL="$ES_URL" \
    SHUCHENG_SEARCH_INDEX_PREFIX="$prefix" \
    nohup "$JAVA_HOME/bin/java" -Xmx512m -Ddisable-axoniq-console-message=true -jar "$jar" \
    >"$log" 2>&1 </dev/null 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$pidfile"

  if ! wait_for_url "http://127.0.0.1:$port/actuator/health/readiness" "$APP_START_TIMEOUT" "$pid"; then
    show_log_tail "$log" 60
    stop_app "$name"
    die "$name did not become ready on port $port (full log: $log)"
  fi
  info "$name is ready after $((SECONDS - start)) s (pid $pid)"
}

stop_app() { stop_pidfile "$(app_pidfile "$1")" "$1" 60 "$(app_jar "$1")"; }

load_demo_data() {
  local demo="$SHUCHENG_SCRIPTS/demo-data.sh"
  if [[ ! -f "$demo" ]]; then
    info "no scripts/demo-data.sh yet; skipping demo data"
    return 0
  fi
  info "loading demo data (scripts/demo-data.sh)"
  if ! SHUCHENG_COMMAND_URL="http://127.0.0.1:$COMMAND_PORT" \
       SHUCHENG_QUERY_URL="http://127.0.0.1:$QUERY_PORT" bash "$demo"; then
    warn "scripts/demo-data.sh failed; the system is up but may hold no demo books"
  fi
}

# Deletes indices and aliases named test-*; wildcard deletes are allowed by our node's config.
delete_test_indices() {
  local code
  info "deleting Elasticsearch indices and aliases named ${TEST_INDEX_PREFIX}*"
  code="$(curl -sS -o /dev/null -w '%{http_code}' -X DELETE \
    "$ES_URL/_all/_alias/${TEST_INDEX_PREFIX}*")"
  [[ "$code" == 200 || "$code" == 404 ]] || die "deleting aliases ${TEST_INDEX_PREFIX}* answered HTTP $code"
  code="$(curl -sS -o /dev/null -w '%{http_code}' -X DELETE \
    "$ES_URL/${TEST_INDEX_PREFIX}*?expand_wildcards=all")"
  [[ "$code" == 200 || "$code" == 404 ]] || die "deleting indices ${TEST_INDEX_PREFIX}* answered HTTP $code"
}

print_summary() {
  cat <<EOF

shucheng is up.
  Command API (writes)   http://127.0.0.1:$COMMAND_PORT/api/books
  Query API (reads)      http://127.0.0.1:$QUERY_PORT/api/
  Search example         http://127.0.0.1:$QUERY_PORT/api/search?q=sanguo
  API docs (Swagger UI)  http://127.0.0.1:$COMMAND_PORT/swagger-ui.html  http://127.0.0.1:$QUERY_PORT/swagger-ui.html
  Health / metrics       http://127.0.0.1:$COMMAND_PORT/actuator/health  http://127.0.0.1:$COMMAND_PORT/actuator/prometheus
                         http://127.0.0.1:$QUERY_PORT/actuator/health  http://127.0.0.1:$QUERY_PORT/actuator/prometheus
  Elasticsearch          $ES_URL  (e.g. $ES_URL/_cat/indices?v)
  PostgreSQL             $PG_JDBC_BASE/shucheng  (user $DB_USER, password $DB_PASSWORD)
  Logs                   $(app_log command-side)
                         $(app_log query-side)
                         $SHUCHENG_LOGS/elasticsearch/shucheng.log
Stop everything with:    scripts/shucheng.sh down
EOF
}

# ---------------------------------------------------------------- commands

cmd_up() {
  ensure_dirs
  require_jdk
  require_cmd mvn curl
  build
  postgres start
  elasticsearch start
  # Restart both apps with the fresh build; the query side goes down first.
  stop_app query-side
  stop_app command-side
  # The command side first: its Flyway migration creates the event store.
  local prefix="${SHUCHENG_SEARCH_INDEX_PREFIX:-}"
  start_app command-side "$COMMAND_JAR" "$COMMAND_PORT" shucheng "$prefix"
  start_app query-side "$QUERY_JAR" "$QUERY_PORT" shucheng "$prefix"
  load_demo_data
  print_summary
}

cmd_down() {
  stop_app query-side
  stop_app command-side
  stop_app command-side-test
  elasticsearch stop
  postgres stop
}

app_status() {
  local name="$1" port="$2" pidfile
  pidfile="$(app_pidfile "$name")"
  if app_running "$name"; then
    if curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$port/actuator/health/readiness"; then
      echo "$name: ready on http://127.0.0.1:$port (pid $(pid_of "$pidfile")), log $(app_log "$name")"
    else
      echo "$name: running (pid $(pid_of "$pidfile")) but not ready on port $port, log $(app_log "$name")"
      return 1
    fi
  else
    echo "$name: not running"
    return 3
  fi
}

cmd_status() {
  local rc=0
  app_status command-side "$COMMAND_PORT" || rc=3
  app_status query-side "$QUERY_PORT" || rc=3
  if app_running command-side-test; then
    app_status command-side-test "$TEST_COMMAND_PORT" || true
  fi
  elasticsearch status || rc=3
  postgres status || rc=3
  return "$rc"
}

stop_test_command_side() { stop_app command-side-test || true; }

cmd_test() {
  ensure_dirs
  require_jdk
  require_cmd mvn curl
  build
  postgres start
  postgres createdb "$TEST_DB"
  elasticsearch start
  delete_test_indices

  trap stop_test_command_side EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  start_app command-side-test "$COMMAND_JAR" "$TEST_COMMAND_PORT" "$TEST_DB" "$TEST_INDEX_PREFIX"

  info "running mvn -B verify $*"
  local rc=0
  (cd "$SHUCHENG_ROOT" &&
    SHUCHENG_TEST_DB_URL="$PG_JDBC_BASE/$TEST_DB" \
    SHUCHENG_TEST_DB_USERNAME="$DB_USER" \
    SHUCHENG_TEST_DB_PASSWORD="$DB_PASSWORD" \
    SHUCHENG_TEST_COMMAND_URL="http://127.0.0.1:$TEST_COMMAND_PORT" \
    SHUCHENG_ELASTICSEARCH_URL="$ES_URL" \
    SHUCHENG_SEARCH_INDEX_PREFIX="$TEST_INDEX_PREFIX" \
    mvn -B verify "$@") || rc=$?
  if ((rc == 0)); then
    info "tests passed"
  else
    warn "mvn verify exited with $rc (test command-side log: $(app_log command-side-test))"
  fi
  exit "$rc"
}

usage() {
  cat >&2 <<EOF
usage: $(basename "$0") up|down|status|test [mvn args]
  up      build, start PostgreSQL, Elasticsearch, command-side (:$COMMAND_PORT), query-side (:$QUERY_PORT), load demo data
  down    stop the apps, Elasticsearch, and PostgreSQL if these scripts started it
  status  show what is running
  test    run all tests (mvn -B verify) against a fresh database $TEST_DB and ${TEST_INDEX_PREFIX}* indices;
          extra arguments go to mvn, e.g. scripts/shucheng.sh test -pl command-side
EOF
  exit 2
}

# up and test build into the same target/ folders and share ports and test databases: one at a time.
take_lock() {
  ensure_dirs
  exec 9>"$SHUCHENG_RUN/shucheng.lock"
  if ! flock -n 9; then
    info "another 'up' or 'test' is running; waiting for it to finish"
    flock 9
  fi
}

main() {
  local cmd="${1:-}"
  shift || true
  case "$cmd" in up | test) take_lock ;; esac
  case "$cmd" in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    test) cmd_test "$@" ;;
    *) usage ;;
  esac
}

main "$@"

#!/usr/bin/env bash
# A local Elasticsearch 8.19.21 node on 127.0.0.1:9200 with our pinyin analysis plugin.
#
#   scripts/elasticsearch.sh start     download/unpack once, install the plugin, start, wait
#   scripts/elasticsearch.sh stop      stop the node this script started
#   scripts/elasticsearch.sh status    process, cluster health, installed plugins, paths
#   scripts/elasticsearch.sh logs [-f] the node's main log (last 100 lines, or follow)
#
# The distribution is Maven Central's integ-test-zip (no bundled JDK: ES_JAVA_HOME is the JDK
# chosen by lib.sh). ES refuses to run as root, so as root the node runs as the system user
# shucheng-es, which owns the ES home, data and logs.
#
# Knobs: SHUCHENG_CACHE (see lib.sh), SHUCHENG_ES_PORT (default 9200),
#        SHUCHENG_PLUGIN_ZIP (default query-side/pinyin-plugin/target/shucheng-pinyin-plugin.zip),
#        SHUCHENG_ES_SKIP_PLUGIN=1 (start without the plugin; for checking this script only),
#        SHUCHENG_ES_START_TIMEOUT (seconds, default 120).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set_log_tag elasticsearch

ES_VERSION=8.19.21
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
ES_PORT="${SHUCHENG_ES_PORT:-9200}"
ES_URL="http://127.0.0.1:$ES_PORT"
ES_HEALTH_URL="$ES_URL/_cluster/health?wait_for_status=yellow&timeout=5s"
ES_START_TIMEOUT="${SHUCHENG_ES_START_TIMEOUT:-120}"
ES_USER=shucheng-es
ES_CLUSTER=shucheng

ES_ZIP="$SHUCHENG_DOWNLOADS/elasticsearch-$ES_VERSION.zip"
ES_HOME="$SHUCHENG_CACHE/elasticsearch-$ES_VERSION"
ES_DATA="$SHUCHENG_CACHE/elasticsearch-data"
ES_LOG_DIR="$SHUCHENG_LOGS/elasticsearch"
ES_MAIN_LOG="$ES_LOG_DIR/$ES_CLUSTER.log"
ES_CONSOLE_LOG="$ES_LOG_DIR/console.log"
# ES writes its own pid file, so the folder belongs to the ES user.
ES_PID_DIR="$SHUCHENG_RUN/elasticsearch"
ES_PIDFILE="$ES_PID_DIR/elasticsearch.pid"

PLUGIN_SOURCE="${SHUCHENG_PLUGIN_ZIP:-$SHUCHENG_ROOT/query-side/pinyin-plugin/target/shucheng-pinyin-plugin.zip}"
# A world-readable copy: the ES user may not be able to read the work tree.
PLUGIN_COPY="$SHUCHENG_DOWNLOADS/shucheng-pinyin-plugin.zip"
# "<sha256> <plugin name>" of the plugin installed in ES_HOME.
PLUGIN_STATE="$ES_HOME/.shucheng-plugin"

# ---------------------------------------------------------------- helpers

# Runs a command as the user that owns the node (shucheng-es when we are root).
as_es_user() {
  if is_root; then
    runuser -u "$ES_USER" -- "$@"
  else
    "$@"
  fi
}

# Runs an ES command-line tool from ES_HOME with the chosen JDK.
es_tool() {
  local tool="$1"
  shift
  (cd "$ES_HOME" && as_es_user env -u JAVA_HOME ES_JAVA_HOME="$JAVA_HOME" CLI_JAVA_OPTS=-Xmx512m \
    "$ES_HOME/bin/$tool" "$@")
}

es_healthy() { curl -fsS -o /dev/null --max-time 10 "$ES_HEALTH_URL" 2>/dev/null; }

# The node's command line names its home (-Des.path.home=...).
node_running() { pid_alive "$ES_PIDFILE" "$ES_HOME"; }

ensure_es_user() {
  is_root || return 0
  if ! id -u "$ES_USER" >/dev/null 2>&1; then
    info "creating system user $ES_USER (Elasticsearch refuses to run as root)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$ES_USER"
  fi
  if ! runuser -u "$ES_USER" -- test -x "$SHUCHENG_CACHE"; then
    die "user $ES_USER cannot reach $SHUCHENG_CACHE (a parent folder is closed to other users);
  point SHUCHENG_CACHE somewhere else, e.g. /var/cache/shucheng"
  fi
}

ensure_unzip() {
  command -v unzip >/dev/null 2>&1 && return 0
  if is_root; then
    info "installing unzip"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >&2
  else
    die "'unzip' is required: apt-get install unzip"
  fi
}

# ---------------------------------------------------------------- distribution

download_distribution() {
  [[ -s "$ES_ZIP" ]] && return 0
  require_cmd mvn
  local tmp="$SHUCHENG_DOWNLOADS/.partial-es.$$"
  info "fetching $ES_ARTIFACT through Maven (107 MB when not yet in ~/.m2)"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # Run outside the repository so Maven does not load our reactor.
  if ! (cd "$tmp" && mvn -B -q -Dstyle.color=never "$DEPENDENCY_PLUGIN:copy" -Dartifact="$ES_ARTIFACT" \
        -DoutputDirectory="$tmp" -Dmdep.overWriteReleases=true); then
    rm -rf "$tmp"
    die "could not fetch $ES_ARTIFACT from Maven Central"
  fi
  mv "$tmp/elasticsearch-$ES_VERSION.zip" "$ES_ZIP"
  rm -rf "$tmp"
}

install_distribution() {
  [[ -x "$ES_HOME/bin/elasticsearch" ]] && return 0
  download_distribution
  ensure_unzip
  local tmp="$SHUCHENG_CACHE/.unpack-es.$$" start=$SECONDS
  info "unpacking Elasticsearch $ES_VERSION into $ES_HOME"
  rm -rf "$tmp" "$ES_HOME"
  mkdir -p "$tmp"
  unzip -q "$ES_ZIP" -d "$tmp"
  mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$tmp"
  info "unpacked in $((SECONDS - start)) s"
}

write_config() {
  mkdir -p "$ES_DATA" "$ES_LOG_DIR" "$ES_PID_DIR" "$ES_HOME/config/jvm.options.d"
  cat >"$ES_HOME/config/elasticsearch.yml" <<EOF
# Written by shucheng scripts/elasticsearch.sh on every start; edit the script instead.
cluster.name: $ES_CLUSTER
node.name: $ES_CLUSTER-dev-1
path.data: $ES_DATA
path.logs: $ES_LOG_DIR
network.host: 127.0.0.1
http.port: $ES_PORT
discovery.type: single-node
xpack.security.enabled: false
# The test runner deletes its indices with DELETE /test-*.
action.destructive_requires_name: false
# A dev node on a nearly full disk should not turn its indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  cat >"$ES_HOME/config/jvm.options.d/shucheng.options" <<EOF
# Written by shucheng scripts/elasticsearch.sh
-Xms512m
-Xmx512m
EOF
}

# Hands everything the node writes to the ES user (root only).
fix_ownership() {
  is_root || return 0
  chown -R "$ES_USER:$ES_USER" "$ES_HOME" "$ES_DATA" "$ES_LOG_DIR" "$ES_PID_DIR"
}

# ---------------------------------------------------------------- plugin

plugin_wanted() { [[ -z "${SHUCHENG_ES_SKIP_PLUGIN:-}" ]]; }

ensure_plugin_zip() {
  if [[ ! -f "$PLUGIN_SOURCE" && -z "${SHUCHENG_PLUGIN_ZIP:-}" ]]; then
    info "plugin zip missing; building it (mvn -pl query-side/pinyin-plugin -am package)"
    (cd "$SHUCHENG_ROOT" && mvn -B -q -pl query-side/pinyin-plugin -am package -DskipTests) \
      || die "building the pinyin plugin failed"
  fi
  [[ -f "$PLUGIN_SOURCE" ]] || die "plugin zip not found: $PLUGIN_SOURCE"
}

installed_plugins() {
  es_tool elasticsearch-plugin list 2>/dev/null | grep -E '^[A-Za-z0-9_.-]+$' || true
}

# True when the installed plugin was installed from a zip with the same sha256.
plugin_current() {
  plugin_wanted || return 0
  [[ -f "$PLUGIN_STATE" && -f "$PLUGIN_SOURCE" ]] || return 1
  local want have
  want="$(sha256sum "$PLUGIN_SOURCE" | cut -d' ' -f1)"
  have="$(cut -d' ' -f1 "$PLUGIN_STATE")"
  [[ "$want" == "$have" ]]
}

# Removes whatever plugins are installed (this ES home is ours alone) and installs the zip.
reinstall_plugin() {
  local sha name before start=$SECONDS
  sha="$(sha256sum "$PLUGIN_SOURCE" | cut -d' ' -f1)"
  install -m 644 "$PLUGIN_SOURCE" "$PLUGIN_COPY"
  fix_ownership
  before="$(installed_plugins)"
  for name in $before; do
    info "removing plugin $name"
    es_tool elasticsearch-plugin remove --purge "$name" >&2
  done
  rm -f "$PLUGIN_STATE"
  info "installing plugin from $PLUGIN_SOURCE (sha256 ${sha:0:12}…)"
  es_tool elasticsearch-plugin install --batch "file://$PLUGIN_COPY" >&2 \
    || die "elasticsearch-plugin install failed for $PLUGIN_SOURCE"
  name="$(installed_plugins | tr '\n' ' ')"
  printf '%s %s\n' "$sha" "${name% }" >"$PLUGIN_STATE"
  info "plugin '${name% }' installed in $((SECONDS - start)) s"
}

# ---------------------------------------------------------------- start / stop

launch_node() {
  local start=$SECONDS pid
  info "starting Elasticsearch $ES_VERSION on $ES_URL (JDK $JAVA_HOME)"
  rm -f "$ES_PIDFILE"
  : >"$ES_CONSOLE_LOG"
  fix_ownership
  if ! (cd "$ES_HOME" && as_es_user env -u JAVA_HOME ES_JAVA_HOME="$JAVA_HOME" ES_JAVA_OPTS= \
        "$ES_HOME/bin/elasticsearch" -d -p "$ES_PIDFILE" >>"$ES_CONSOLE_LOG" 2>&1); then
    show_log_tail "$ES_CONSOLE_LOG" 50
    show_log_tail "$ES_MAIN_LOG" 50
    die "Elasticsearch failed to start"
  fi
  pid="$(pid_of "$ES_PIDFILE" 2>/dev/null || true)"
  if ! wait_for_url "$ES_HEALTH_URL" "$ES_START_TIMEOUT" "$pid"; then
    show_log_tail "$ES_MAIN_LOG" 50
    die "Elasticsearch did not become healthy (console output: $ES_CONSOLE_LOG)"
  fi
  info "Elasticsearch is up after $((SECONDS - start)) s (pid $pid)"
}

cmd_start() {
  ensure_dirs
  require_jdk
  require_cmd curl sha256sum
  ensure_es_user
  if es_healthy && ! node_running; then
    die "something else already answers on $ES_URL (no pid file at $ES_PIDFILE); not touching it"
  fi
  if ! es_healthy && ! node_running && port_in_use "$ES_PORT"; then
    die "port $ES_PORT is taken by another program"
  fi
  plugin_wanted && ensure_plugin_zip
  if node_running && plugin_current; then
    if es_healthy || wait_for_url "$ES_HEALTH_URL" "$ES_START_TIMEOUT" "$(pid_of "$ES_PIDFILE")"; then
      info "already running and healthy with the current plugin: $ES_URL"
      return 0
    fi
    warn "the running node is not healthy; restarting it"
  fi

  install_distribution
  write_config
  fix_ownership
  if ! plugin_current; then
    if node_running; then
      info "the plugin zip changed; stopping the node to reinstall it"
      cmd_stop
    fi
    reinstall_plugin
  elif node_running; then
    cmd_stop
  fi
  launch_node
  info "logs: $ES_MAIN_LOG (scripts/elasticsearch.sh logs)"
}

cmd_stop() {
  stop_pidfile "$ES_PIDFILE" Elasticsearch 60 "$ES_HOME"
}

cmd_status() {
  local rc=0
  if node_running; then
    echo "Elasticsearch: running (pid $(pid_of "$ES_PIDFILE")) from $ES_HOME"
  else
    echo "Elasticsearch: not running (no live pid in $ES_PIDFILE)"
    rc=3
  fi
  if es_healthy; then
    echo "  health: $(curl -fsS --max-time 10 "$ES_URL/_cluster/health")"
    echo "  plugins: $(curl -fsS --max-time 10 "$ES_URL/_cat/plugins?h=component" | tr '\n' ' ')"
  else
    echo "  $ES_URL does not answer"
    [[ $rc -ne 0 ]] || rc=1
  fi
  if [[ -f "$PLUGIN_STATE" ]]; then
    echo "  installed plugin: $(cut -d' ' -f2- "$PLUGIN_STATE") (sha256 $(cut -c1-12 "$PLUGIN_STATE")…)"
  fi
  echo "  logs: $ES_MAIN_LOG"
  return "$rc"
}

cmd_logs() {
  [[ -f "$ES_MAIN_LOG" ]] || die "no log yet at $ES_MAIN_LOG"
  if [[ "${1:-}" == "-f" ]]; then
    tail -n 100 -f "$ES_MAIN_LOG"
  else
    tail -n 100 "$ES_MAIN_LOG"
  fi
}

usage() {
  cat >&2 <<EOF
usage: $(basename "$0") start|stop|status|logs [-f]
  start   install (once) and start Elasticsearch $ES_VERSION with the pinyin plugin on $ES_URL
  stop    stop the node started by this script
  status  show process, health and plugins
  logs    print the last 100 lines of $ES_MAIN_LOG (-f: follow)
EOF
  exit 2
}

main() {
  local cmd="${1:-}"
  shift || true
  case "$cmd" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    *) usage ;;
  esac
}

main "$@"

# shellcheck shell=bash
# Shared helpers for the shucheng local-environment scripts.
# Source it, do not run it:   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Environment knobs (all optional):
#   SHUCHENG_CACHE   where downloads, data, logs and pid files live
#                    (default /var/cache/shucheng as root, else ~/.cache/shucheng)
#   JAVA_HOME        used when it is a JDK >= 21

if [[ -n "${SHUCHENG_LIB_LOADED:-}" ]]; then
  return 0
fi
SHUCHENG_LIB_LOADED=1

# Repository root: the parent of the folder holding this file.
SHUCHENG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHUCHENG_SCRIPTS="$SHUCHENG_ROOT/scripts"
export SHUCHENG_ROOT SHUCHENG_SCRIPTS

# Axon checks for updates over the internet every few seconds unless told not to.
export AXONIQ_UPDATE_CHECKER_DISABLED=true

SHUCHENG_MIN_JAVA=21

# ---------------------------------------------------------------- messages

# Prefix for messages from this script, e.g. set_log_tag postgres.
set_log_tag() { SHUCHENG_LOG_TAG="$1"; }

_tag() { printf '[%s %s]' "$(date +%H:%M:%S)" "${SHUCHENG_LOG_TAG:-shucheng}"; }
info() { printf '%s %s\n' "$(_tag)" "$*" >&2; }
warn() { printf '%s WARNING: %s\n' "$(_tag)" "$*" >&2; }
die()  { printf '%s ERROR: %s\n' "$(_tag)" "$*" >&2; exit 1; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# ---------------------------------------------------------------- directories

if [[ -z "${SHUCHENG_CACHE:-}" ]]; then
  if is_root; then
    # Not under /root: the unprivileged Elasticsearch user must be able to traverse it.
    SHUCHENG_CACHE=/var/cache/shucheng
  else
    SHUCHENG_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/shucheng"
  fi
fi
SHUCHENG_LOGS="$SHUCHENG_CACHE/logs"
SHUCHENG_RUN="$SHUCHENG_CACHE/run"
SHUCHENG_DOWNLOADS="$SHUCHENG_CACHE/downloads"
export SHUCHENG_CACHE

ensure_dirs() {
  mkdir -p "$SHUCHENG_CACHE" "$SHUCHENG_LOGS" "$SHUCHENG_RUN" "$SHUCHENG_DOWNLOADS"
  # World-traversable so a service user (Elasticsearch) can reach its own sub-folders.
  chmod 755 "$SHUCHENG_CACHE" "$SHUCHENG_LOGS" "$SHUCHENG_RUN" "$SHUCHENG_DOWNLOADS"
}

# ---------------------------------------------------------------- JDK

# Prints the major version of the JDK at $1 (e.g. 17, 21, 25), or nothing.
java_major_version() {
  local jh="$1" v=""
  [[ -x "$jh/bin/java" ]] || return 0
  if [[ -f "$jh/release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$jh/release")"
  fi
  if [[ -z "$v" ]]; then
    v="$("$jh/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  fi
  [[ -n "$v" ]] || return 0
  if [[ "$v" == 1.* ]]; then v="${v#1.}"; fi   # 1.8.0_x -> 8
  printf '%s\n' "${v%%[.+_-]*}"
}

_jdk_ok() {
  local jh="$1" major
  [[ -n "$jh" && -x "$jh/bin/java" && -x "$jh/bin/javac" ]] || return 1
  major="$(java_major_version "$jh")"
  [[ "$major" =~ ^[0-9]+$ ]] && ((major >= SHUCHENG_MIN_JAVA))
}

# Chooses a JDK >= 21 and exports JAVA_HOME and PATH. Dies with a hint when there is none.
require_jdk() {
  local candidate chosen=""
  if _jdk_ok "${JAVA_HOME:-}"; then
    chosen="$JAVA_HOME"
  elif _jdk_ok /usr/lib/jvm/temurin-25-jdk-amd64; then
    chosen=/usr/lib/jvm/temurin-25-jdk-amd64
  else
    # The highest version among the JDKs under /usr/lib/jvm.
    local best=0 major
    while IFS= read -r candidate; do
      _jdk_ok "$candidate" || continue
      major="$(java_major_version "$candidate")"
      if ((major > best)); then best="$major"; chosen="$candidate"; fi
    done < <(find /usr/lib/jvm -mindepth 1 -maxdepth 1 \( -type d -o -type l \) 2>/dev/null | sort)
  fi
  if [[ -z "$chosen" ]]; then
    die "no JDK >= $SHUCHENG_MIN_JAVA found (looked at \$JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm/*).
  Install one (e.g. 'apt-get install openjdk-21-jdk-headless' where available) or set JAVA_HOME."
  fi
  JAVA_HOME="$(cd "$chosen" && pwd -P)"
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven 3.8's Guava calls sun.misc.Unsafe; JDK 24+ warns about it on every run.
  if (($(java_major_version "$JAVA_HOME") >= 24)) && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}

require_cmd() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' is required but not installed"
  done
}

# ---------------------------------------------------------------- processes and ports

# pid_alive PIDFILE [PATTERN]
# True when the pid file names a live process whose command line contains PATTERN (so a pid
# recycled after a reboot is not mistaken for ours).
pid_alive() {
  local pidfile="$1" pattern="${2:-}" pid
  [[ -s "$pidfile" ]] || return 1
  pid="$(tr -dc '0-9' <"$pidfile")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ -z "$pattern" ]] && return 0
  [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" == *"$pattern"* ]]
}

pid_of() { tr -dc '0-9' <"$1"; }

# stop_pidfile PIDFILE NAME [TIMEOUT_SECONDS] [PATTERN]
# SIGTERM, wait, then SIGKILL; removes the pid file. PATTERN as for pid_alive.
stop_pidfile() {
  local pidfile="$1" name="$2" timeout="${3:-60}" pattern="${4:-}" pid deadline
  if ! pid_alive "$pidfile" "$pattern"; then
    rm -f "$pidfile"
    info "$name is not running"
    return 0
  fi
  pid="$(pid_of "$pidfile")"
  info "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      warn "$name did not stop within ${timeout}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.2
  done
  rm -f "$pidfile"
  info "$name stopped"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_for_url URL TIMEOUT_SECONDS [PID]
# Polls URL until it answers 2xx. Fails after TIMEOUT, or at once if PID is given and dies.
wait_for_url() {
  local url="$1" timeout="$2" pid="${3:-}" start=$SECONDS
  while ! curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      warn "process $pid exited while waiting for $url"
      return 1
    fi
    if ((SECONDS - start >= timeout)); then
      warn "timed out after ${timeout}s waiting for $url"
      return 1
    fi
    sleep 1
  done
}

# show_log_tail FILE [LINES]
show_log_tail() {
  local file="$1" lines="${2:-50}"
  if [[ -f "$file" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2
    printf -- '----- end of %s -----\n' "$file" >&2
  else
    warn "no log file at $file"
  fi
}

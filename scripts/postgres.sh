#!/usr/bin/env bash
# Makes PostgreSQL available on 127.0.0.1:5432 with role and database "shucheng".
#
#   scripts/postgres.sh start          reuse a running server, or install/start one
#   scripts/postgres.sh stop           stop the server, only if this script started it
#   scripts/postgres.sh status         is it up, who manages it, can shucheng log in
#   scripts/postgres.sh createdb NAME  drop and recreate database NAME owned by shucheng
#
# Where the server comes from, in order:
#   1. anything already answering on 127.0.0.1:$SHUCHENG_PG_PORT (never stopped by us);
#   2. as root: Debian's packaged cluster (apt-get install postgresql if needed), started
#      with pg_ctlcluster;
#   3. as a normal user: a private cluster under $SHUCHENG_CACHE/pgdata, started with pg_ctl.
#
# Knobs: SHUCHENG_PG_PORT (default 5432), SHUCHENG_CACHE (see lib.sh).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set_log_tag postgres

PG_HOST=127.0.0.1
PG_PORT="${SHUCHENG_PG_PORT:-5432}"
APP_ROLE=shucheng
APP_PASSWORD=shucheng
APP_DB=shucheng

# A private (normal-user) cluster; a non-default port gets its own data directory.
if [[ "$PG_PORT" == 5432 ]]; then
  PRIVATE_PGDATA="$SHUCHENG_CACHE/pgdata"
else
  PRIVATE_PGDATA="$SHUCHENG_CACHE/pgdata-$PG_PORT"
fi
PRIVATE_SOCKET_DIR="$SHUCHENG_RUN/pg-socket-$PG_PORT"
PRIVATE_LOG="$SHUCHENG_LOGS/postgres-$PG_PORT.log"
# Written only when this script started a server: "<kind> <data dir> <postmaster pid> [...]".
STARTED_MARKER="$SHUCHENG_RUN/postgres-$PG_PORT.started-by-shucheng"

# Keep the caller's libpq settings from redirecting our connections.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGPASSFILE

# ---------------------------------------------------------------- binaries

# Newest /usr/lib/postgresql/<ver>/bin that holds a server, or nothing.
server_bin_dir() {
  local dir
  while IFS= read -r dir; do
    if [[ -x "$dir/postgres" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -rV)
}

# Path of a client tool ($1: psql, pg_isready): on PATH, else next to the server.
client_tool() {
  local tool="$1" bin
  if command -v "$tool" >/dev/null 2>&1; then
    command -v "$tool"
    return 0
  fi
  bin="$(server_bin_dir)"
  if [[ -n "$bin" && -x "$bin/$tool" ]]; then
    printf '%s\n' "$bin/$tool"
  fi
}

pg_ready() {
  local isready
  isready="$(client_tool pg_isready)"
  if [[ -n "$isready" ]]; then
    "$isready" -q -h "$PG_HOST" -p "$PG_PORT" -t 3
  else
    port_in_use "$PG_PORT"
  fi
}

wait_pg_ready() {
  local timeout="${1:-60}" start=$SECONDS
  until pg_ready; do
    if ((SECONDS - start >= timeout)); then
      return 1
    fi
    sleep 1
  done
}

apt_install_postgresql() {
  local -a sudo_cmd=()
  if ! is_root; then
    sudo_cmd=(sudo -n)
  fi
  info "installing PostgreSQL from Debian packages (apt-get install postgresql)"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq postgresql >&2
}

can_sudo() { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }

# ---------------------------------------------------------------- root: Debian cluster

# Prints "<version> <name> <status>" of the Debian cluster configured for $PG_PORT.
debian_cluster_for_port() {
  pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2, $4; exit }'
}

postmaster_pid() {
  local datadir="$1"
  [[ -r "$datadir/postmaster.pid" ]] && head -n1 "$datadir/postmaster.pid" | tr -dc '0-9'
}

start_debian_cluster() {
  if [[ -z "$(server_bin_dir)" ]] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt_install_postgresql
    # The package may have created and started a cluster on 5432 by itself.
    if pg_ready; then
      info "the freshly installed PostgreSQL server is up"
      return 0
    fi
  fi

  local cluster version name status
  cluster="$(debian_cluster_for_port)"
  if [[ -z "$cluster" ]]; then
    version="$(basename "$(dirname "$(server_bin_dir)")")"
    name=main
    if [[ -d "/etc/postgresql/$version/main" ]]; then
      name=shucheng
    fi
    info "creating PostgreSQL cluster $version/$name on port $PG_PORT"
    pg_createcluster -p "$PG_PORT" "$version" "$name" >&2
    cluster="$(debian_cluster_for_port)"
    [[ -n "$cluster" ]] || die "pg_createcluster did not create a cluster on port $PG_PORT"
  fi
  read -r version name status <<<"$cluster"

  if [[ "$status" != online* ]]; then
    info "starting PostgreSQL cluster $version/$name"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start >&2
    local datadir
    datadir="$(pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n { print $6 }')"
    printf 'debian %s %s %s %s\n' "$datadir" "$(postmaster_pid "$datadir")" "$version" "$name" >"$STARTED_MARKER"
  fi
  if ! wait_pg_ready 60; then
    die "cluster $version/$name runs but does not answer on $PG_HOST:$PG_PORT.
  Check listen_addresses in /etc/postgresql/$version/$name/postgresql.conf and
  /var/log/postgresql/postgresql-$version-$name.log"
  fi
}

# ---------------------------------------------------------------- normal user: private cluster

write_private_config() {
  local conf="$PRIVATE_PGDATA/postgresql.conf"
  if ! grep -q "^include_if_exists = 'shucheng.conf'" "$conf"; then
    printf "\n# Added by shucheng scripts/postgres.sh\ninclude_if_exists = 'shucheng.conf'\n" >>"$conf"
  fi
  cat >"$PRIVATE_PGDATA/shucheng.conf" <<EOF
# Written by shucheng scripts/postgres.sh on every start.
listen_addresses = '$PG_HOST'
port = $PG_PORT
unix_socket_directories = '$PRIVATE_SOCKET_DIR'
EOF
}

start_private_cluster() {
  local bin
  bin="$(server_bin_dir)"
  if [[ -z "$bin" ]]; then
    if can_sudo; then
      apt_install_postgresql
      if pg_ready; then
        info "the freshly installed PostgreSQL server is up"
        return 0
      fi
      bin="$(server_bin_dir)"
    fi
    [[ -n "$bin" ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin.
  Install them as root:  apt-get install postgresql   (or run this script as root)"
  fi

  mkdir -p "$PRIVATE_SOCKET_DIR"
  chmod 700 "$PRIVATE_SOCKET_DIR"
  if [[ ! -f "$PRIVATE_PGDATA/PG_VERSION" ]]; then
    info "initialising a private PostgreSQL cluster in $PRIVATE_PGDATA ($bin)"
    rm -rf "$PRIVATE_PGDATA"
    # Superuser = this OS user, trusted on the private socket only; TCP needs a password.
    "$bin/initdb" -D "$PRIVATE_PGDATA" --encoding=UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 >"$SHUCHENG_LOGS/postgres-initdb.log" 2>&1 \
      || { show_log_tail "$SHUCHENG_LOGS/postgres-initdb.log"; die "initdb failed"; }
  fi
  write_private_config

  if "$bin/pg_ctl" -D "$PRIVATE_PGDATA" status >/dev/null 2>&1; then
    info "private cluster runs but not on $PG_HOST:$PG_PORT; restarting it with the current settings"
    "$bin/pg_ctl" -D "$PRIVATE_PGDATA" -m fast -w stop >&2
  fi
  info "starting private PostgreSQL on $PG_HOST:$PG_PORT (log: $PRIVATE_LOG)"
  if ! "$bin/pg_ctl" -D "$PRIVATE_PGDATA" -l "$PRIVATE_LOG" -w -t 60 start >&2; then
    show_log_tail "$PRIVATE_LOG"
    die "could not start the private PostgreSQL cluster"
  fi
  printf 'private %s %s %s\n' "$PRIVATE_PGDATA" "$(postmaster_pid "$PRIVATE_PGDATA")" "$bin" >"$STARTED_MARKER"
  wait_pg_ready 30 || die "private PostgreSQL started but does not answer on $PG_HOST:$PG_PORT"
}

# ---------------------------------------------------------------- admin connection

ADMIN_PSQL=()

# Chooses a superuser connection: TCP as postgres (trust setups), root via peer auth as the
# postgres OS user, the private cluster's socket, or sudo -u postgres.
find_admin() {
  local psql
  psql="$(client_tool psql)"
  [[ -n "$psql" ]] || die "psql not found (apt-get install postgresql-client)"
  local -a candidate
  local -a candidates=("tcp" "runuser" "private" "sudo")
  local kind
  for kind in "${candidates[@]}"; do
    case "$kind" in
      tcp) candidate=("$psql" -h "$PG_HOST" -p "$PG_PORT" -U postgres) ;;
      runuser)
        if ! is_root || ! id postgres >/dev/null 2>&1; then continue; fi
        candidate=(runuser -u postgres -- "$psql" -p "$PG_PORT") ;;
      private)
        if [[ ! -d "$PRIVATE_SOCKET_DIR" ]]; then continue; fi
        candidate=("$psql" -h "$PRIVATE_SOCKET_DIR" -p "$PG_PORT") ;;
      sudo)
        if is_root || ! can_sudo; then continue; fi
        candidate=(sudo -n -u postgres -- "$psql" -p "$PG_PORT") ;;
    esac
    if (cd / && "${candidate[@]}" -X -w -d postgres -Atc \
        "SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper" 2>/dev/null) | grep -qx 1; then
      ADMIN_PSQL=("${candidate[@]}")
      return 0
    fi
  done
  die "cannot get a superuser connection to PostgreSQL on $PG_HOST:$PG_PORT.
  Tried: psql -h $PG_HOST -U postgres; runuser -u postgres -- psql (root only);
  the private cluster socket $PRIVATE_SOCKET_DIR; sudo -u postgres psql.
  Create the role yourself:  CREATE ROLE $APP_ROLE LOGIN CREATEDB PASSWORD '$APP_PASSWORD';"
}

# admin_sql SQL...: runs statements as the superuser, stops on the first error.
admin_sql() {
  [[ ${#ADMIN_PSQL[@]} -gt 0 ]] || find_admin
  (cd / && PGOPTIONS='-c client_min_messages=warning' \
    "${ADMIN_PSQL[@]}" -X -w -q -v ON_ERROR_STOP=1 -d postgres -At "$@")
}

valid_db_name() { [[ "$1" =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; }

ensure_role() {
  admin_sql -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_ROLE') THEN
        CREATE ROLE $APP_ROLE LOGIN CREATEDB PASSWORD '$APP_PASSWORD';
      ELSE
        ALTER ROLE $APP_ROLE LOGIN CREATEDB PASSWORD '$APP_PASSWORD';
      END IF;
    END \$\$;"
}

database_exists() {
  [[ "$(admin_sql -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" == 1 ]]
}

# Creates database $1 owned by the app role, always UTF8 (even on a SQL_ASCII cluster).
create_database() {
  local name="$1" encoding
  encoding="$(admin_sql -c "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = 'template1'")"
  if [[ "$encoding" == UTF8 ]]; then
    admin_sql -c "CREATE DATABASE $name OWNER $APP_ROLE"
  else
    admin_sql -c "CREATE DATABASE $name OWNER $APP_ROLE TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
  fi
}

ensure_database() {
  local name="$1"
  if database_exists "$name"; then
    admin_sql -c "ALTER DATABASE $name OWNER TO $APP_ROLE"
  else
    info "creating database $name owned by $APP_ROLE"
    create_database "$name"
  fi
}

# The read models rely on autovacuum: ANALYZE keeps the planner's statistics (and re-plans the
# statements the apps have prepared) as the tables grow, VACUUM keeps the visibility map that the
# listings' index-only scans need. Some machines run PostgreSQL with autovacuum off; turn it on
# (a reloadable setting, no restart) rather than let listings and projections slow down unseen.
ensure_autovacuum() {
  if [[ "$(admin_sql -c 'SHOW autovacuum')" == on ]]; then
    return 0
  fi
  warn "autovacuum is off on this PostgreSQL server; turning it on (ALTER SYSTEM SET autovacuum = on)"
  admin_sql -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" >/dev/null
}

# True when the app role can log in over TCP with its password, as the apps do.
app_login_works() {
  local db="${1:-$APP_DB}" psql
  psql="$(client_tool psql)"
  [[ -n "$psql" ]] || return 1
  PGPASSWORD="$APP_PASSWORD" "$psql" -X -w -h "$PG_HOST" -p "$PG_PORT" -U "$APP_ROLE" -d "$db" \
    -Atc 'SELECT 1' 2>/dev/null | grep -qx 1
}

# ---------------------------------------------------------------- commands

cmd_start() {
  mkdir -p "$SHUCHENG_CACHE" "$SHUCHENG_LOGS" "$SHUCHENG_RUN"
  if pg_ready; then
    info "PostgreSQL already answers on $PG_HOST:$PG_PORT; using it"
  elif is_root; then
    start_debian_cluster
  else
    start_private_cluster
  fi
  ensure_role
  ensure_autovacuum
  ensure_database "$APP_DB"
  if ! app_login_works "$APP_DB"; then
    die "role $APP_ROLE cannot log in with its password over TCP ($PG_HOST:$PG_PORT).
  Check the server's pg_hba.conf ($(admin_sql -c 'SHOW hba_file')): it needs a line like
    host all all 127.0.0.1/32 scram-sha-256"
  fi
  info "ready: jdbc:postgresql://$PG_HOST:$PG_PORT/$APP_DB (user $APP_ROLE, password $APP_PASSWORD)"
}

# Prints what the marker says this script started, if that server is still the same process.
started_by_us() {
  [[ -f "$STARTED_MARKER" ]] || return 1
  local kind datadir pid rest
  read -r kind datadir pid rest <"$STARTED_MARKER" || true
  [[ -n "$pid" && "$(postmaster_pid "$datadir")" == "$pid" ]]
}

cmd_stop() {
  if ! started_by_us; then
    rm -f "$STARTED_MARKER"
    if pg_ready; then
      info "PostgreSQL on $PG_HOST:$PG_PORT was not started by this script; leaving it running"
    else
      info "PostgreSQL is not running"
    fi
    return 0
  fi
  local kind datadir pid a b
  read -r kind datadir pid a b <"$STARTED_MARKER"
  case "$kind" in
    debian)
      info "stopping PostgreSQL cluster $a/$b"
      pg_ctlcluster --skip-systemctl-redirect "$a" "$b" stop >&2 ;;
    private)
      info "stopping the private PostgreSQL cluster in $datadir"
      "$a/pg_ctl" -D "$datadir" -m fast -w stop >&2 ;;
    *) die "unreadable marker $STARTED_MARKER" ;;
  esac
  rm -f "$STARTED_MARKER"
}

cmd_status() {
  if ! pg_ready; then
    echo "PostgreSQL: not answering on $PG_HOST:$PG_PORT"
    return 3
  fi
  local managed="not started by these scripts (left alone by stop)"
  if started_by_us; then
    managed="started by these scripts ($(cut -d' ' -f1,2 "$STARTED_MARKER"))"
  fi
  echo "PostgreSQL: up on $PG_HOST:$PG_PORT, $managed"
  if app_login_works "$APP_DB"; then
    echo "  role $APP_ROLE can log in to database $APP_DB: jdbc:postgresql://$PG_HOST:$PG_PORT/$APP_DB"
  else
    echo "  role $APP_ROLE cannot log in to database $APP_DB yet (run: scripts/postgres.sh start)"
    return 1
  fi
}

cmd_createdb() {
  local name="${1:-}"
  valid_db_name "$name" || die "usage: postgres.sh createdb NAME (lower-case letters, digits, _)"
  [[ "$name" != "postgres" && "$name" != template* ]] || die "refusing to recreate '$name'"
  cmd_start
  info "recreating database $name"
  admin_sql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = '$name' AND pid <> pg_backend_pid()" >/dev/null
  admin_sql -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
  create_database "$name"
  app_login_works "$name" || die "role $APP_ROLE cannot log in to the new database $name"
  info "fresh database: jdbc:postgresql://$PG_HOST:$PG_PORT/$name"
}

usage() {
  cat >&2 <<EOF
usage: $(basename "$0") start|stop|status|createdb NAME
  start     make PostgreSQL answer on $PG_HOST:$PG_PORT with role/database $APP_ROLE
  stop      stop it, only if this script started it
  status    show whether it runs and whether $APP_ROLE can log in
  createdb  drop and recreate database NAME owned by $APP_ROLE
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
    createdb) cmd_createdb "$@" ;;
    *) usage ;;
  esac
}

main "$@"

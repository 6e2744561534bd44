#!/usr/bin/env bash
# Loads the demo catalog through the command side's API with the catalog importer
# (command-side/catalog-import, see docs/import.md):
#   1. the hand-written modern Chinese books in scripts/demo-books.ndjson (about 40);
#   2. unless SHUCHENG_DATASET=modern, a catalog of ~343,000 books built from the chinese-poetry npm
#      package (downloaded with npm into the cache, never committed).
# Safe to run again: books already there are reported as "already present", and when the whole
# poetry catalog is already in this database it is not sent again at all.
# scripts/up.sh calls it once both apps are ready.
#
# Knobs:
#   SHUCHENG_DATASET             full (default) | modern (only the hand-written books)
#   SHUCHENG_POETRY_LIMIT        take only the first N poetry books (default 0: all of them)
#   SHUCHENG_IMPORT_CONCURRENCY  register commands in flight (default 8)
#   SHUCHENG_FORCE_IMPORT=1      send the poetry catalog even when it looks imported already
#   SHUCHENG_COMMAND_URL         default http://127.0.0.1:8081
#   SHUCHENG_DEMO_DB             the command side's database, for the "already imported" check (default shucheng)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set_log_tag demo-data

POETRY_PACKAGE=chinese-poetry
POETRY_VERSION=2.0.1
# The ISBN-13 range the poetry catalog's generated ISBNs live in (978-7-90… to 978-7-98…).
POETRY_ISBN_FROM=9787900000000
POETRY_ISBN_TO=9787990000000

command_url="${SHUCHENG_COMMAND_URL:-http://127.0.0.1:8081}"
dataset="${SHUCHENG_DATASET:-full}"
limit="${SHUCHENG_POETRY_LIMIT:-0}"
concurrency="${SHUCHENG_IMPORT_CONCURRENCY:-8}"
db="${SHUCHENG_DEMO_DB:-shucheng}"
jar="$SHUCHENG_ROOT/command-side/catalog-import/target/catalog-import.jar"
demo_dir="$SHUCHENG_CACHE/demo"
npm_dir="$SHUCHENG_CACHE/npm"
package_dir="$npm_dir/node_modules/$POETRY_PACKAGE"
catalog="$demo_dir/poetry.ndjson"
stamp="$demo_dir/poetry.stamp"

case "$dataset" in
  full | modern) ;;
  *) die "SHUCHENG_DATASET must be 'full' or 'modern', not '$dataset'" ;;
esac
[[ "$limit" =~ ^[0-9]+$ ]] || die "SHUCHENG_POETRY_LIMIT must be a whole number, not '$limit'"

ensure_dirs
mkdir -p "$demo_dir"
require_jdk
[[ -f "$jar" ]] || die "$jar not found: build first (mvn -B -DskipTests install)"
curl -fsS -o /dev/null --max-time 5 "$command_url/actuator/health/readiness" ||
  die "the command side is not ready at $command_url"

progress=plain
if [[ -t 2 ]]; then progress=tty; fi

# import_catalog NAME FILE: sends FILE and leaves the importer's summary in $demo_dir/NAME.summary.json.
import_catalog() {
  local name="$1" file="$2" rc=0
  "$JAVA_HOME/bin/java" -jar "$jar" import --url "$command_url" --file "$file" \
    --concurrency "$concurrency" --progress "$progress" \
    --rejects "$demo_dir/$name.rejects.ndjson" --summary "$demo_dir/$name.summary.json" || rc=$?
  ((rc == 0)) || die "importing $file failed (exit $rc); see the messages above"
}

info "importing the hand-written modern books (scripts/demo-books.ndjson)"
import_catalog modern "$SHUCHENG_SCRIPTS/demo-books.ndjson"
if ! grep -q '"rejected":0,' "$demo_dir/modern.summary.json"; then
  warn "some hand-written books were rejected: see $demo_dir/modern.rejects.ndjson"
fi

if [[ "$dataset" == modern ]]; then
  info "SHUCHENG_DATASET=modern: skipping the chinese-poetry catalog"
  exit 0
fi

# ---------------------------------------------------------------- the chinese-poetry package

ensure_npm() {
  command -v npm >/dev/null 2>&1 && return 0
  is_root || return 1
  info "installing npm from Debian packages (apt-get install npm)"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >&2
}

installed_version() {
  [[ -f "$package_dir/package.json" ]] || return 0
  sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$package_dir/package.json" | head -n1
}

if [[ "$(installed_version)" != "$POETRY_VERSION" ]]; then
  if ! ensure_npm; then
    warn "npm is not installed (apt-get install npm); only the modern books were loaded"
    exit 0
  fi
  info "downloading $POETRY_PACKAGE@$POETRY_VERSION with npm into $npm_dir (about 85 MB)"
  mkdir -p "$npm_dir"
  npm install --prefix "$npm_dir" --no-audit --no-fund --no-package-lock --loglevel=error \
    "$POETRY_PACKAGE@$POETRY_VERSION" >&2 || die "npm install $POETRY_PACKAGE@$POETRY_VERSION failed"
  [[ "$(installed_version)" == "$POETRY_VERSION" ]] ||
    die "npm did not leave $POETRY_PACKAGE $POETRY_VERSION in $package_dir"
fi

# ---------------------------------------------------------------- the catalog

# The catalog depends on the package version, the limit and the builder's classes (the poetry
# mapping and the value types that validate names): rebuild only when one of them changed.
builder_hash="$(unzip -p "$jar" 'com/shucheng/catalogimport/poetry/*' 'com/shucheng/events/book/*' | sha256sum | cut -c1-16)"
wanted_stamp="$POETRY_PACKAGE@$POETRY_VERSION limit=$limit builder=$builder_hash"
if [[ -f "$catalog" && -f "$stamp" && "$(cat "$stamp")" == "$wanted_stamp" ]]; then
  info "poetry catalog $catalog is up to date"
else
  info "building the poetry catalog from $package_dir"
  limit_args=()
  if ((limit > 0)); then limit_args=(--limit "$limit"); fi
  rm -f "$stamp"
  "$JAVA_HOME/bin/java" -jar "$jar" build-poetry --source "$package_dir" --out "$catalog" "${limit_args[@]}" >&2 ||
    die "building the poetry catalog failed"
  printf '%s\n' "$wanted_stamp" >"$stamp"
fi
books="$(wc -l <"$catalog" | tr -d ' ')"
last_isbn="$(tail -n1 "$catalog" | sed -n 's/^{"isbn":"\([0-9]*\)".*/\1/p')"

# ---------------------------------------------------------------- already imported?

# Sending 343k lines only to hear "already present" takes minutes; the ISBN claims in the command
# side's database answer the same question at once. Any doubt (no psql, no access) means: import.
claims_in_range() {
  command -v psql >/dev/null 2>&1 || return 1
  PGPASSWORD=shucheng PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -U shucheng -d "$db" -Atq -v ON_ERROR_STOP=1 -c \
    "select (select count(*) from command.isbn_claim where isbn >= '$POETRY_ISBN_FROM' and isbn < '$POETRY_ISBN_TO')
            || ' ' || (select count(*) from command.isbn_claim where isbn = '$last_isbn')" 2>/dev/null
}

if [[ -z "${SHUCHENG_FORCE_IMPORT:-}" && -n "$last_isbn" ]] && answer="$(claims_in_range)"; then
  read -r claimed last_present <<<"$answer"
  if ((claimed >= books && last_present == 1)); then
    info "the poetry catalog is already imported (${claimed} poetry books in database $db, catalog has $books): not sending it again"
    info "(SHUCHENG_FORCE_IMPORT=1 sends it anyway; the command side answers 'already present' for each)"
    exit 0
  fi
  if ((claimed > 0)); then
    info "$claimed of $books poetry books are already in database $db; importing the rest"
  fi
fi

info "importing $books poetry books from $catalog ($concurrency in flight)"
import_catalog poetry "$catalog"

#!/usr/bin/env bash
# Loads the hand-written demo catalog (scripts/demo-books.ndjson) through the command side's API.
# Safe to run again: a book that is already there answers 409 DUPLICATE_ISBN and is skipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command_url=${SHUCHENG_COMMAND_URL:-http://127.0.0.1:8081}

added=0 present=0 failed=0
while IFS= read -r line; do
  [ -n "$line" ] || continue
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$command_url/api/books" \
    -H 'Content-Type: application/json' -H 'X-Correlation-Id: demo-data' --data-binary "$line")
  case "$status" in
    201) added=$((added + 1)) ;;
    409) present=$((present + 1)) ;;
    *) failed=$((failed + 1)); echo "demo-data: HTTP $status for $line" >&2 ;;
  esac
done < "$here/demo-books.ndjson"

echo "demo data: $added books added, $present already present, $failed failed"
[ "$failed" -eq 0 ]

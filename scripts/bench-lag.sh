#!/usr/bin/env bash
# Projection lag benchmark: registers COUNT books through the command side with CLIENTS closed-loop
# clients and measures, for each, how long after the 201 the query side serves it (and, for one in
# ten, how long until search finds it). Needs the system running: scripts/up.sh first.
# scripts/bench.sh runs the same measurement as its "lag" scenario and records it in
# docs/benchmarks.md next to the other scenarios; this script is the quick stand-alone version.
#
#   scripts/bench-lag.sh [COUNT=1000] [CLIENTS=1]
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_jdk
count=${1:-1000}
clients=${2:-1}
command_url=${SHUCHENG_COMMAND_URL:-http://127.0.0.1:8081}
query_url=${SHUCHENG_QUERY_URL:-http://127.0.0.1:8082}

curl -fs "$command_url/actuator/health/readiness" >/dev/null || die "command side not ready at $command_url (run scripts/up.sh)"
curl -fs "$query_url/actuator/health/readiness" >/dev/null || die "query side not ready at $query_url (run scripts/up.sh)"

exec "$JAVA_HOME/bin/java" "$SHUCHENG_SCRIPTS/bench/ProjectionLag.java" "$count" "$clients" "$command_url" "$query_url"

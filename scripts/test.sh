#!/usr/bin/env bash
# Runs all the tests (mvn -B verify) against local PostgreSQL and Elasticsearch.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl command-side
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/shucheng.sh" test "$@"

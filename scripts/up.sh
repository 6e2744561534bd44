#!/usr/bin/env bash
# Runs the whole system: build, PostgreSQL, Elasticsearch, both apps, demo data.
# Stop it with scripts/shucheng.sh down.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/shucheng.sh" up "$@"

#!/usr/bin/env bash
# bench/run's P6 hook: one web node against two on one PostgreSQL (bench/two-nodes.sh), 16 clients.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = --full ]; then exec bench/two-nodes.sh 16 60; else exec bench/two-nodes.sh 16 15; fi

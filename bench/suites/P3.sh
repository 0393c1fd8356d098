#!/usr/bin/env bash
# bench/run's P3 hook: HTTP percentiles (bench/p3-http.sh), shorter measurements with --quick.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = --full ]; then exec bench/p3-http.sh 30 5; else exec bench/p3-http.sh 10 3; fi

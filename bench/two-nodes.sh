#!/usr/bin/env bash
# One web node against two, on one PostgreSQL, on this machine only (127.0.0.1): the same clients, the same
# workload (raise a concern, answer its checklist), a fresh demo database for each run. Prints each run's
# summary and the ratio of decisions per second. Usage: bench/two-nodes.sh [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-16}"; seconds="${2:-30}"
bin=/usr/lib/postgresql/15/bin
work="$(mktemp -d /tmp/jc-nodes-XXXXXX)"; chmod 755 "$work"; mkdir "$work/pg"; chown postgres "$work/pg"; chmod 1777 "$work"
port=55432
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; su postgres -c "$bin/pg_ctl -D $work/pg stop -m fast" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

su postgres -c "$bin/initdb -D $work/pg -U postgres --auth=trust" >/dev/null
su postgres -c "$bin/pg_ctl -D $work/pg -o '-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200' -l $work/pg.log start -w" >/dev/null
# bench/run passes the published (ReadyToRun) web app and the built load generator; alone, this builds both.
if [ -z "${JUSTCULTURE_BENCH_WEB:-}" ] || [ -z "${JUSTCULTURE_BENCH_DLL:-}" ]; then
  dotnet build -c Release src/JustCulture.Web >/dev/null
  dotnet build -c Release bench/JustCulture.Benchmarks >/dev/null
fi
web="${JUSTCULTURE_BENCH_WEB:-src/JustCulture.Web/bin/Release/net10.0/JustCulture.Web.dll}"
load="${JUSTCULTURE_BENCH_DLL:-bench/JustCulture.Benchmarks/bin/Release/net10.0/JustCulture.Benchmarks.dll}"

# Every client signs in from 127.0.0.1, so the per-address and per-account sign-in limits are lifted for the load run.
start_node() { # database port
  ASPNETCORE_ENVIRONMENT=Development JustCulture__Database="postgres:Host=127.0.0.1;Port=$port;Database=$1;Username=postgres" \
  JustCulture__SigningKey="$work/$1.key.pem" JustCulture__Checkpoints="$work/$1.checkpoints" Logging__LogLevel__Default=Warning \
  JustCulture__SignInLimits__PerAddress=100000 JustCulture__SignInLimits__PerAccount=100000 \
    dotnet "$web" --urls "http://127.0.0.1:$2" >"$work/node-$2.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$2/health" >/dev/null && return 0; sleep 1; done
  echo "node on $2 did not start; see its log:" >&2; tail -20 "$work/node-$2.log" >&2; exit 1
}

run() { # nodes(1|2)
  local db="jc_nodes_$1"
  su postgres -c "$bin/createdb -h $work -p $port $db"
  start_node "$db" 5091                       # seeds the demo trust into the empty database
  local urls="http://127.0.0.1:5091"
  if [ "$1" = 2 ]; then start_node "$db" 5092; urls="$urls,http://127.0.0.1:5092"; fi
  dotnet "$load" loopback --nodes "$urls" --clients "$clients" --seconds "$seconds" \
    --database "postgres:Host=127.0.0.1;Port=$port;Database=$db;Username=postgres"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=()
}

one="$(run 1)"; echo "one node:  $one"
two="$(run 2)"; echo "two nodes: $two"
python3 - "$one" "$two" <<'PY'
import json, sys
one, two = (json.loads(a.strip().splitlines()[-1]) for a in sys.argv[1:3])
ratio = two['decisionsPerSecond'] / one['decisionsPerSecond']
print(f"two nodes / one node, decisions per second: {ratio:.2f}x "
      f"(p95 {one['p95Ms']} ms -> {two['p95Ms']} ms; lost or duplicated: {one['lostOrDuplicated']} and {two['lostOrDuplicated']})")
# The ratio table's row (bench/README.md): one node is the baseline measured in the same run.
import pathlib
results = pathlib.Path("BenchmarkDotNet.Artifacts/results"); results.mkdir(parents=True, exist_ok=True)
clean = one['lostOrDuplicated'] == 0 and two['lostOrDuplicated'] == 0 and one['failed'] == 0 and two['failed'] == 0
(results / "loopback-p6.json").write_text(json.dumps({
    "suite": "P6", "title": f"Two web nodes vs one on one PostgreSQL ({one['clients']} clients)",
    "rows": [
        {"name": "two nodes, decisions per second", "value": two['decisionsPerSecond'], "unit": "decisions/s",
         "baseline": "one node, decisions per second", "baselineValue": one['decisionsPerSecond'],
         "target": "≥ 1.3× one node", "met": ratio >= 1.3},
        {"name": "lost or duplicated decisions (both runs)", "value": abs(one['lostOrDuplicated']) + abs(two['lostOrDuplicated']),
         "unit": "decisions", "baseline": None, "baselineValue": None, "target": "0", "met": clean},
    ]}, indent=2))
print(f"wrote {results / 'loopback-p6.json'}")
PY

#!/usr/bin/env bash
# P3: HTTP percentiles against the real web app on this machine only (127.0.0.1), each with a baseline measured in
# the same run at the same concurrency (GET /health/live):
#   - task completion, 8 clients on SQLite and 32 clients on PostgreSQL (target p95 <= 50 ms);
#   - GET /api/tasks (first page) with 500 and with 50,000 open tasks on SQLite (target: p95 flat, within +-25%).
# Writes BenchmarkDotNet.Artifacts/results/loopback-p3-*.json. PostgreSQL is a throwaway server started as the
# postgres user (needs root); without it only the SQLite figures are measured, and the script says so.
# Usage: bench/p3-http.sh [seconds per measurement, default 20] [warm-up seconds, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"; warm="${2:-5}"
bin=/usr/lib/postgresql/15/bin
work="$(mktemp -d /tmp/jc-p3-XXXXXX)"; chmod 1777 "$work"
port=55433
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; [ -d "$work/pg" ] && su postgres -c "$bin/pg_ctl -D $work/pg stop -m fast" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

# bench/run passes the published (ReadyToRun) web app and the built load generator; alone, this builds both.
if [ -z "${JUSTCULTURE_BENCH_WEB:-}" ] || [ -z "${JUSTCULTURE_BENCH_DLL:-}" ]; then
  dotnet build -c Release src/JustCulture.Web >/dev/null
  dotnet build -c Release bench/JustCulture.Benchmarks >/dev/null
fi
web="${JUSTCULTURE_BENCH_WEB:-src/JustCulture.Web/bin/Release/net10.0/JustCulture.Web.dll}"
load="${JUSTCULTURE_BENCH_DLL:-bench/JustCulture.Benchmarks/bin/Release/net10.0/JustCulture.Benchmarks.dll}"

# Every client signs in from 127.0.0.1, so the per-address and per-account sign-in limits are lifted for the load run.
start_node() { # database name port
  ASPNETCORE_ENVIRONMENT=Development JustCulture__Database="$1" \
  JustCulture__SigningKey="$work/$2.key.pem" JustCulture__Checkpoints="$work/$2.checkpoints" Logging__LogLevel__Default=Warning \
  JustCulture__SignInLimits__PerAddress=100000 JustCulture__SignInLimits__PerAccount=100000 \
    dotnet "$web" --urls "http://127.0.0.1:$3" >"$work/node-$3.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$3/health" >/dev/null && return 0; sleep 1; done
  echo "node on $3 did not start; see its log:" >&2; tail -20 "$work/node-$3.log" >&2; exit 1
}
stop_nodes() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }

load_run() { dotnet "$load" loopback --seconds "$seconds" --warm-up "$warm" "$@"; }

# SQLite: task completion at 8 clients, then the task list at two volumes on a fresh file each.
sqlite="sqlite:$work/p3-steps.db"
start_node "$sqlite" p3-steps 5093
load_run --nodes http://127.0.0.1:5093 --clients 8 --database "$sqlite" --out p3-steps-sqlite --label SQLite --target-p95 50
stop_nodes
# P3_OPEN_TASKS overrides the two volumes (a smoke run on a loaded machine); the ratio is of the last to the first.
volumes=(${P3_OPEN_TASKS:-500 50000})
for open in "${volumes[@]}"; do
  db="sqlite:$work/p3-tasks-$open.db"
  start_node "$db" "p3-tasks-$open" 5093
  # The open tasks are raised in-process through the product's own use case, signed with this node's log key.
  load_run --nodes http://127.0.0.1:5093 --clients 8 --database "$db" --list-tasks --open-tasks "$open" \
    --signing-key "$work/p3-tasks-$open.key.pem" --checkpoints "$work/p3-tasks-$open.checkpoints" \
    --out "p3-tasks-$open" --label "SQLite, $open open tasks"
  stop_nodes
done
python3 - <<'PY'
import json, pathlib
results = pathlib.Path("BenchmarkDotNet.Artifacts/results")
def p95(name):
    rows = json.loads((results / f"loopback-{name}.json").read_text())["rows"]
    return next(r["value"] for r in rows if r["name"].endswith(", p95"))
import os
volumes = os.environ.get("P3_OPEN_TASKS", "500 50000").split()
small, large = p95(f"p3-tasks-{volumes[0]}"), p95(f"p3-tasks-{volumes[-1]}")
ratio = large / small if small else None
(results / "loopback-p3-tasks.json").write_text(json.dumps({
    "suite": "P3", "title": "GET /api/tasks p95 flat in open tasks (SQLite, 8 clients)",
    "rows": [{"name": f"GET /api/tasks p95, {int(volumes[-1]):,} open tasks", "value": large, "unit": "ms",
              "baseline": f"GET /api/tasks p95, {int(volumes[0]):,} open tasks", "baselineValue": small,
              "target": "within ±25% (ratio 0.75–1.25)", "met": ratio is not None and 0.75 <= ratio <= 1.25}]}, indent=2))
print(f"GET /api/tasks p95: {small} ms at {volumes[0]} open tasks, {large} ms at {volumes[-1]} ({ratio:.2f}x)")
PY

# PostgreSQL: task completion at 32 clients on a throwaway server.
if [ "$(id -u)" = 0 ] && [ -x "$bin/initdb" ]; then
  mkdir "$work/pg"; chown postgres "$work/pg"
  su postgres -c "$bin/initdb -D $work/pg -U postgres --auth=trust" >/dev/null
  su postgres -c "$bin/pg_ctl -D $work/pg -o '-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200' -l $work/pg.log start -w" >/dev/null
  su postgres -c "$bin/createdb -h $work -p $port jc_p3"
  pg="postgres:Host=127.0.0.1;Port=$port;Database=jc_p3;Username=postgres"
  start_node "$pg" p3-pg 5094
  load_run --nodes http://127.0.0.1:5094 --clients 32 --database "$pg" --out p3-steps-postgres --label PostgreSQL --target-p95 50
  stop_nodes
else
  echo "P3 on PostgreSQL skipped: starting a throwaway server needs root (to run it as the postgres user)." >&2
fi

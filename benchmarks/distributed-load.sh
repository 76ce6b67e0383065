#!/usr/bin/env bash
# Distributed load tests on one machine: `scalelab load --master` with 1, 2 and 4 local worker
# processes (one event-loop thread each) against the Go/Gin album service and `scalelab serve`,
# and Locust distributed (a master and 4 worker processes, FastHttpUser) against the same
# targets, in one sitting. Prints, per run: requests/s, the busiest worker's peak CPU, the
# master's CPU (average over the run, from /usr/bin/time) and the largest statistics message.
# Needs the Go reference (bash ../shared/anchors/build.sh), Locust (LOCUST=path/to/locust),
# /usr/bin/time and a release build of scalelab.
# Usage: benchmarks/distributed-load.sh [scalelab binary]
#   env: D seconds per run (10), ROUNDS (3), WORKERS ("1 2 4"), TARGETS ("gin scalelab"),
#        USERS (50), SCENARIO (get-album: GET /albums/1 in a loop; albums: the original 3:1
#        GET:POST /albums at -r 10, the list growing with every POST), SERVE_ARGS (extra
#        options for scalelab serve, e.g. "--list-encoding locked" for the original's store)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scalelab=${1:-$here/../.build/release/scalelab}
go_bin=${GO_ALBUMS:-/tmp/anchors-bin/albums}
locust=${LOCUST:-locust}
seconds=${D:-10}; rounds=${ROUNDS:-3}; users=${USERS:-50}
worker_counts=${WORKERS:-1 2 4}; targets=${TARGETS:-gin scalelab}
case ${SCENARIO:-get-album} in
  get-album) scenario=$here/get-album.json; rate=1000; locustfile=$here/locust_get_album.py ;;
  albums) scenario=albums; rate=10; locustfile=$here/../examples/locust/locustfile.py ;;
  *) echo "SCENARIO is get-album or albums" >&2; exit 64 ;;
esac
out=$(mktemp -d /tmp/distributed-bench.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

declare -A url=([gin]=http://127.0.0.1:18080 [scalelab]=http://127.0.0.1:18081) server=()
start_target() {   # target: (re)starts it with the three classic albums
  [[ -n "${server[$1]:-}" ]] && { kill "${server[$1]}" 2>/dev/null || true; wait "${server[$1]}" 2>/dev/null || true; }
  if [[ $1 == gin ]]; then
    PORT=18080 GIN_MODE=release "$go_bin" >/dev/null 2>&1 &
  else
    # shellcheck disable=SC2086
    "$scalelab" serve --port 18081 --log-level warning ${SERVE_ARGS:-} >/dev/null 2>&1 &
  fi
  server[$1]=$!; pids+=($!)
  sleep 1
}
for target in $targets; do start_target "$target"; wrk -t1 -c50 -d2s "${url[$target]}/albums/1" >/dev/null; done   # warm-up
# The albums scenario grows the list with every POST: each run starts from a fresh target.
fresh() { if [[ ${SCENARIO:-get-album} == albums ]]; then start_target "$1"; fi; }

cpu_share() {   # "user system elapsed" from /usr/bin/time -> percent of one core
  awk '{ printf "%.1f%%", ($1 + $2) / $3 * 100 }' "$1"
}

run_scalelab() {   # target, workers, round
  local target=$1 workers=$2 round=$3 name="$out/scalelab-$1-$2w-$3" port=$((15600 + RANDOM % 300))
  /usr/bin/time -f "%U %S %e" -o "$name.time" "$scalelab" load --master --headless --master-bind-port "$port" \
    --expect-workers "$workers" -H "${url[$target]}" -u "$users" -r "$rate" -t "${seconds}s" \
    --scenario "$scenario" --stop-timeout 5s --only-summary --json "$name.json" >"$name.txt" 2>&1 &
  local master=$! children=()
  for _ in $(seq "$workers"); do
    "$scalelab" load --worker --master-port "$port" --threads 1 >/dev/null 2>&1 &
    children+=($!)
  done
  wait "$master" || true
  wait "${children[@]}" || true
  python3 - "$name.json" "$target" "$workers" "$round" "$(cpu_share "$name.time")" <<'PY'
import json, sys
report, target, workers, round_, master_cpu = json.load(open(sys.argv[1])), *sys.argv[2:]
s, c = report["statistics"], report["cluster"]
rps = s["aggregated"]["stats"]["requests"] / s["elapsedSeconds"]
busiest = max(w["peakCPUUse"] for w in c["workers"]) * 100
print(f"scalelab {target:8} {workers} worker(s) round {round_}: {rps:9,.0f} req/s  busiest worker peak CPU {busiest:3.0f}%  "
      f"master CPU {master_cpu} (peak {c['masterPeakCPUUse'] * 100:.1f}%)  largest stats message {c['largestStatisticsMessageBytes'] / 1024:.1f} KiB")
PY
}

run_locust() {   # target, round
  local target=$1 round=$2 name="$out/locust-$1-$2" port=$((15900 + RANDOM % 90))
  /usr/bin/time -f "%U %S %e" -o "$name.time" "$locust" -f "$locustfile" --master --master-bind-port "$port" \
    --expect-workers 4 --headless -u "$users" -r "$rate" -t "${seconds}s" -H "${url[$target]}" --only-summary \
    --csv "$name" >"$name.txt" 2>&1 &
  local master=$! children=()
  for _ in 1 2 3 4; do
    "$locust" -f "$locustfile" --worker --master-port "$port" >/dev/null 2>&1 &
    children+=($!)
  done
  wait "$master" || true
  wait "${children[@]}" || true
  python3 - "${name}_stats.csv" "$target" "$round" "$seconds" "$(cpu_share "$name.time")" <<'PY'
import csv, sys
path, target, round_, seconds, master_cpu = sys.argv[1:]
row = [r for r in csv.DictReader(open(path)) if r["Name"] == "Aggregated"][0]
print(f"Locust   {target:8} 4 worker(s) round {round_}: {int(row['Request Count']) / float(seconds):9,.0f} req/s  master CPU {master_cpu}")
PY
}

for round in $(seq "$rounds"); do
  for target in $targets; do
    for workers in $worker_counts; do fresh "$target"; run_scalelab "$target" "$workers" "$round"; done
    fresh "$target"; run_locust "$target" "$round"
  done
done
echo "outputs in $out"

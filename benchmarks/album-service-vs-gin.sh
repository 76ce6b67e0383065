#!/usr/bin/env bash
# The album service's engines against the original Go/Gin service under wrk, in one sitting: all
# hold 10,000 albums; per endpoint (GET /albums, GET /albums/{id}, POST /albums) one warm-up, then
# RUNS runs of each server, alternating. Needs wrk and the Go reference (bash ../shared/anchors/build.sh).
# Usage: benchmarks/album-service-vs-gin.sh [scalelab binary]
#   env: RUNS (3), DUR (5s), THREADS (2), CONN (50), ENGINES ("event-loop router"),
#   ENDPOINTS ("list id post", a subset to measure only those),
#   EVENT_LOOPS (e.g. "2 3 4": each engine runs once per count of event loops, as the servers
#   ENGINE-Nloops; unset, each runs once with its default),
#   BASELINE (another scalelab binary, e.g. an earlier commit's, run as the server "baseline" with
#   its defaults, to compare builds in one sitting)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
swift_bin=${1:-$here/../.build-release/release/scalelab}
go_bin=${GO_ALBUMS:-/tmp/anchors-bin/albums}
runs=${RUNS:-3}; duration=${DUR:-5s}; threads=${THREADS:-2}; connections=${CONN:-50}
engines=${ENGINES:-event-loop router}
endpoints=${ENDPOINTS:-list id post}
out=$(mktemp -d /tmp/album-bench.XXXXXX)
declare -A port
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
next_port=18081
servers=()
for engine in $engines; do
  for loops in ${EVENT_LOOPS:-default}; do
    server=$engine; loop_option=()
    if [[ $loops != default ]]; then server=$engine-${loops}loops; loop_option=(--event-loops "$loops"); fi
    port[$server]=$next_port
    "$swift_bin" serve --port "$next_port" --engine "$engine" "${loop_option[@]}" --log-level warning >"$out/$server.log" 2>&1 &
    pids+=($!); servers+=("$server"); next_port=$((next_port + 1))
  done
done
if [[ -n ${BASELINE:-} ]]; then
  port[baseline]=$next_port
  "$BASELINE" serve --port "$next_port" --log-level warning >"$out/baseline.log" 2>&1 &
  pids+=($!); servers+=(baseline); next_port=$((next_port + 1))
fi
port[go]=18090
PORT=18090 GIN_MODE=release "$go_bin" >"$out/go.log" 2>&1 &
pids+=($!); servers+=(go)
sleep 2
for server in "${servers[@]}"; do python3 "$here/fill_albums.py" "${port[$server]}" 10000; done
echo "wrk -t$threads -c$connections -d$duration, $runs runs after one warm-up; $(nproc) cores; load: $(uptime | sed 's/.*load/load/')"
for endpoint in $endpoints; do
  case $endpoint in
    list) path=/albums; script=() ;;
    id) path=/albums/2; script=() ;;
    post) path=/albums; script=(-s "$here/post-album.lua") ;;
  esac
  for run in warmup $(seq "$runs"); do
    for server in "${servers[@]}"; do
      wrk -t"$threads" -c"$connections" -d"$duration" --latency "${script[@]}" \
        "http://127.0.0.1:${port[$server]}$path" >"$out/$endpoint-$server-$run.txt"
    done
  done
done
echo "wrk outputs in $out"
python3 "$here/summarize_wrk.py" "$out" "${servers[@]}"

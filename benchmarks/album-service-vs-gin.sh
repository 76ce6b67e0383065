#!/usr/bin/env bash
# The album service against the original Go/Gin one under wrk, in one sitting: both hold 10,000
# albums; per endpoint (GET /albums, GET /albums/{id}, POST /albums) one warm-up, then RUNS runs
# of each server, alternating. Needs wrk and the Go reference (bash ../shared/anchors/build.sh).
# Usage: benchmarks/album-service-vs-gin.sh [scalelab binary]   (env: RUNS, DUR, THREADS, CONN)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
swift_bin=${1:-$here/../.build-release/release/scalelab}
go_bin=${GO_ALBUMS:-/tmp/anchors-bin/albums}
runs=${RUNS:-3}; duration=${DUR:-5s}; threads=${THREADS:-2}; connections=${CONN:-50}
out=$(mktemp -d /tmp/album-bench.XXXXXX)
"$swift_bin" serve --port 18081 --log-level warning >"$out/swift.log" 2>&1 & swift_pid=$!
PORT=18082 GIN_MODE=release "$go_bin" >"$out/go.log" 2>&1 & go_pid=$!
trap 'kill $swift_pid $go_pid 2>/dev/null || true' EXIT
sleep 2
python3 "$here/fill_albums.py" 18081 10000
python3 "$here/fill_albums.py" 18082 10000
port() { [ "$1" = swift ] && echo 18081 || echo 18082; }
for endpoint in list id post; do
  case $endpoint in
    list) path=/albums; script=() ;;
    id) path=/albums/2; script=() ;;
    post) path=/albums; script=(-s "$here/post-album.lua") ;;
  esac
  for run in warmup $(seq "$runs"); do
    for server in swift go; do
      wrk -t"$threads" -c"$connections" -d"$duration" --latency "${script[@]}" \
        "http://127.0.0.1:$(port $server)$path" >"$out/$endpoint-$server-$run.txt"
    done
  done
done
echo "wrk outputs in $out"
python3 "$here/summarize_wrk.py" "$out"

#!/usr/bin/env bash
# Requests/s of three load generators against the Go/Gin album service, GET /albums/{id},
# 50 connections, in one sitting, ROUNDS rounds of: wrk -t1, scalelab load (fast client, one
# event-loop thread), Locust FastHttpUser (one process). Needs wrk, the Go reference
# (bash ../shared/anchors/build.sh) and Locust (LOCUST=path/to/locust).
# Usage: benchmarks/load-generator-vs-wrk-and-locust.sh [scalelab binary]   (env: D seconds, ROUNDS)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scalelab=${1:-$here/../.build-release/release/scalelab}
go_bin=${GO_ALBUMS:-/tmp/anchors-bin/albums}
locust=${LOCUST:-locust}
seconds=${D:-10}; rounds=${ROUNDS:-3}
out=$(mktemp -d /tmp/load-bench.XXXXXX)
PORT=18080 GIN_MODE=release "$go_bin" >/dev/null 2>&1 & gin=$!
trap 'kill $gin 2>/dev/null || true' EXIT
sleep 1
url=http://127.0.0.1:18080
wrk -t1 -c50 -d3s "$url/albums/1" >/dev/null   # warm-up
for round in $(seq "$rounds"); do
  wrk_rps=$(wrk -t1 -c50 -d"${seconds}s" "$url/albums/1" | awk '/Requests\/sec/ {print $2}')
  "$scalelab" load --headless -H "$url" -u 50 -r 1000 -t "${seconds}s" --scenario "$here/get-album.json" --threads 1 \
    --only-summary --json "$out/scalelab-$round.json" >"$out/scalelab-$round.txt" 2>&1 || true
  scalelab_rps=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['statistics']; print(round(s['aggregated']['stats']['requests']/s['elapsedSeconds']))" "$out/scalelab-$round.json")
  "$locust" -f "$here/locust_get_album.py" --headless -u 50 -r 1000 -t "${seconds}s" -H "$url" --only-summary \
    --csv "$out/locust-$round" >/dev/null 2>&1 || true
  locust_rps=$(python3 -c "import csv,sys; r=[x for x in csv.DictReader(open(sys.argv[1])) if x['Name']=='Aggregated'][0]; print(round(int(r['Request Count'])/$seconds))" "$out/locust-${round}_stats.csv")
  cpu=$(grep -o "at most [0-9]*%\|used [0-9.]*% of its CPU" "$out/scalelab-$round.txt" | head -1)
  python3 - "$round" "$wrk_rps" "$scalelab_rps" "$locust_rps" "$cpu" <<'PY'
import sys
r, w, s, l, cpu = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
print(f"round {r}: wrk {w:,.0f}  scalelab {s:,.0f} (generator CPU {cpu})  Locust {l:,.0f}  "
      f"scalelab/wrk {s / w:.2f}  scalelab/Locust {s / l:.1f}")
PY
done
echo "outputs in $out"

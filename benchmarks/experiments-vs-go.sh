#!/usr/bin/env bash
# The maps (write, read) and handoff (tasks-one-thread, tasks-pool) experiments beside the Go
# reference in one sitting: Go runs before and after every Swift run (G S G S ... G), and each
# Swift figure is divided by the mean of the two Go runs around it. Prints the ratios of the
# goals in issue 12 (Swift/Go, median and min-max over the rounds). Needs the Go reference
# (bash ../shared/anchors/build.sh) and a release build of scalelab.
# Usage: benchmarks/experiments-vs-go.sh [scalelab binary]
#   env: ROUNDS (Swift runs per experiment, default 3), RUNS (measured runs inside each Swift and
#   Go run, default 9), ROUNDTRIPS (handoff round trips per run, default 1000000),
#   GO_EXPERIMENTS (default /tmp/anchors-bin/experiments)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
swift_bin=${1:-$here/../.build/release/scalelab}
go_bin=${GO_EXPERIMENTS:-/tmp/anchors-bin/experiments}
rounds=${ROUNDS:-3}; runs=${RUNS:-9}; roundtrips=${ROUNDTRIPS:-1000000}
for binary in "$swift_bin" "$go_bin"; do
  [ -x "$binary" ] || { echo "missing $binary: build scalelab with 'swift build -c release --product scalelab' and Go with 'bash ../shared/anchors/build.sh'" >&2; exit 1; }
done
out=$(mktemp -d /tmp/experiments-vs-go.XXXXXX)
go_maps() { "$go_bin" maps -runs "$runs" >"$out/go-maps-$1.txt"; }
swift_maps() {
  "$swift_bin" experiment maps --workload write,read --variant mutex,rwlock,sharded,snapshot \
    --runs "$runs" --format json --output "$out/swift-maps-$1.json" 2>/dev/null
}
go_handoff() { "$go_bin" handoff -roundtrips "$roundtrips" >"$out/go-handoff-$1.txt"; }
swift_handoff() {
  "$swift_bin" experiment handoff --variant tasks-one-thread,tasks-pool --roundtrips "$roundtrips" \
    --runs "$runs" --format json --output "$out/swift-handoff-$1.json" 2>/dev/null
}
for experiment in maps handoff; do
  "go_$experiment" 0
  for round in $(seq "$rounds"); do
    "swift_$experiment" "$round"
    "go_$experiment" "$round"
  done
done
echo "raw outputs in $out"
python3 "$here/summarize_experiments_vs_go.py" "$out" "$rounds"

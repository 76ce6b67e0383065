#!/usr/bin/env bash
# Instructions per operation of the maps (write, read) and handoff (tasks-one-thread, tasks-pool)
# work, counted by valgrind's callgrind: repeatable on a busy machine, unlike times. Builds the
# driver in instruction-counts/ over Sources/Primitives as of the working tree, or as of a git
# revision if one is given (e.g. `main`, to compare).
# Usage: benchmarks/instruction-counts.sh [git revision]     (env: ROUNDTRIPS, default 20000)
# Maps: instructions inside the tasks' work (callgrind --toggle-collect), per operation, for
# 50 tasks x 1,000 keys. Handoff: instructions of a run with 2N round trips minus one with N,
# per handoff (2N handoffs), so start-up and shutdown cancel out. Needs valgrind.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
roundtrips=${ROUNDTRIPS:-20000}
package=$here/instruction-counts
if [ $# -gt 0 ]; then
  copy=$(mktemp -d /tmp/instruction-counts.XXXXXX)
  cp -r "$package/Package.swift" "$package/Sources" "$copy/"
  rm "$copy/Sources/Primitives"
  git -C "$here/.." archive "$1" Sources/Primitives | tar -x -C "$copy"
  package=$copy
fi
swift build -c release --package-path "$package" >/dev/null
driver=$package/.build/release/InstructionCounts
instructions() { # callgrind's total for the command in "$@"
  local out; out=$(mktemp /tmp/callgrind.XXXXXX)
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>&1
  callgrind_annotate "$out" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
  rm -f "$out"
}
echo "| work | instructions per operation |"
echo "| --- | ---: |"
for workload in write read; do
  for map in mutex rwlock sharded snapshot; do
    total=$(instructions --toggle-collect='*mapTaskWork*' "$driver" "$workload" "$map" 50 1000)
    echo "| maps $workload, $map | $((total / 50000)) |"
  done
done
for variant in tasks-one-thread tasks-pool; do
  once=$(instructions "$driver" "$variant" "$roundtrips")
  twice=$(instructions "$driver" "$variant" "$((2 * roundtrips))")
  echo "| handoff, $variant | $(((twice - once) / (2 * roundtrips))) |"
done

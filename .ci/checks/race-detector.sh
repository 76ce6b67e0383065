#!/usr/bin/env bash
# Race-detector check (issue 2): a Thread Sanitizer build of scalelab must report the `plain`
# counter's data race and must report nothing for the `atomic` counter.
# Run from the repository root. Builds into .build-tsan so the debug build in .build is untouched.
set -euo pipefail

scratch=.build-tsan
echo "== Thread Sanitizer build (scratch path $scratch)"
swift build --sanitize=thread --scratch-path "$scratch" --product scalelab
scalelab="$scratch/debug/scalelab"

log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

# Runs the counter experiment with one variant; keeps the combined output in $log_dir/<variant>.log
# and the exit status in $status. A sanitized process that found a race exits 66 (TSan's default
# exitcode), so a non-zero status is recorded, not fatal.
run_counter() {
    local variant=$1
    status=0
    "$scalelab" experiment counter --variant "$variant" --tasks 8 --iterations 20000 --runs 1 \
        >"$log_dir/$variant.log" 2>&1 || status=$?
}

run_counter plain
if grep -Eq "ThreadSanitizer: (Swift access race|data race)" "$log_dir/plain.log"; then
    echo "ok: --variant plain: Thread Sanitizer reported: $(grep -Eo 'ThreadSanitizer: (Swift access race|data race)' "$log_dir/plain.log" | head -n 1) (exit status $status)"
else
    echo "FAIL: --variant plain: Thread Sanitizer reported no race (exit status $status). Output:"
    cat "$log_dir/plain.log"
    exit 1
fi

run_counter atomic
if grep -q "ThreadSanitizer" "$log_dir/atomic.log" || [ "$status" -ne 0 ]; then
    echo "FAIL: --variant atomic: expected no Thread Sanitizer report and exit status 0, got status $status. Output:"
    cat "$log_dir/atomic.log"
    exit 1
fi
echo "ok: --variant atomic: no Thread Sanitizer report (exit status 0)"

#!/usr/bin/env bash
# CI check: schemathesis (`st run --checks all`) against `scalelab serve`'s own /openapi.json,
# once per engine, must find zero failures: the service answers as its OpenAPI document says.
# Bounded: at most ST_MAX_EXAMPLES generated cases per operation (default 100), and a run that
# takes over ST_TIMEOUT seconds per engine (default 300) fails. Fixed seed, so a failure reproduces.
# Run from the repository root after `swift build` (debug) has built .build/debug/scalelab.
set -euo pipefail

scalelab=${SCALELAB:-.build/debug/scalelab}
venv=${SCHEMATHESIS_VENV:-/tmp/scalelab-schemathesis-venv}
max_examples=${ST_MAX_EXAMPLES:-100}
time_limit=${ST_TIMEOUT:-300}
seed=${ST_SEED:-1}
work=$(mktemp -d /tmp/scalelab-schemathesis.XXXXXX)
source "$(dirname "$0")/../lib/scalelab-serve.sh"
trap 'stop_serve; rm -rf "$work"' EXIT

echo "== schemathesis: installing schemathesis into $venv"
make_venv "$venv" schemathesis
"$venv/bin/st" --version

failed=0
for engine in event-loop router; do
    echo "== schemathesis: scalelab serve --engine $engine on a free port"
    start_serve "$work/serve-$engine.log" --engine "$engine" --log-level warning

    status=0
    timeout "$time_limit" "$venv/bin/st" run "http://127.0.0.1:$port/openapi.json" --url "http://127.0.0.1:$port" \
        --checks all --max-examples "$max_examples" --seed "$seed" \
        --workers 1 --request-timeout 10 --no-color --generation-database none \
        >"$work/st-$engine.txt" 2>&1 || status=$?
    tail -n 40 "$work/st-$engine.txt"
    if [[ $status -ne 0 ]]; then
        echo "schemathesis CI: engine $engine: st run failed (exit $status); the full output:" >&2
        cat "$work/st-$engine.txt" >&2
        failed=1
    fi
    stop_serve
done
[[ $failed -eq 0 ]] || exit 1
echo "schemathesis CI: passed on both engines"

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
server_pid=

stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    server_pid=
}
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT

[[ -x "$scalelab" ]] || { echo "schemathesis CI: $scalelab is missing; run 'swift build' first." >&2; exit 1; }

echo "== schemathesis: installing schemathesis into $venv"
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv" || {
        echo "schemathesis CI: python3 -m venv failed; install python3-venv (apt-get install -y python3-venv)." >&2
        exit 1
    }
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check schemathesis
"$venv/bin/st" --version

failed=0
for engine in event-loop router; do
    echo "== schemathesis: scalelab serve --engine $engine on a free port"
    "$scalelab" serve --port 0 --engine "$engine" --log-level warning >"$work/serve-$engine.log" 2>&1 &
    server_pid=$!
    port=
    for _ in $(seq 300); do
        port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\) .*|\1|p' "$work/serve-$engine.log")
        [[ -n "$port" ]] && break
        kill -0 "$server_pid" 2>/dev/null || { echo "scalelab serve exited early:" >&2; cat "$work/serve-$engine.log" >&2; exit 1; }
        sleep 0.1
    done
    [[ -n "$port" ]] || { echo "scalelab serve did not start within 30 s:" >&2; cat "$work/serve-$engine.log" >&2; exit 1; }

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
    stop_server
done
[[ $failed -eq 0 ]] || exit 1
echo "schemathesis CI: passed on both engines"

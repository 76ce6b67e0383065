#!/usr/bin/env bash
# CI check: schemathesis (`st run --checks all`) against `scalelab serve`'s own /openapi.json,
# once per engine on the memory store and once on the SQLite store, must find zero failures: the
# service answers as its OpenAPI document says (.ci/checks/postgres.sh runs it on PostgreSQL).
# Bounded: at most ST_MAX_EXAMPLES generated cases per operation (default 100), and a run that
# takes over ST_TIMEOUT seconds per engine (default 300) fails. Fixed seed, so a failure reproduces.
# Run from the repository root after `swift build` (debug) has built .build/debug/scalelab.
set -euo pipefail

scalelab=${SCALELAB:-.build/debug/scalelab}
venv=${SCHEMATHESIS_VENV:-/tmp/scalelab-schemathesis-venv}
work=$(mktemp -d /tmp/scalelab-schemathesis.XXXXXX)
source "$(dirname "$0")/../lib/scalelab-serve.sh"
trap 'stop_serve; rm -rf "$work"' EXIT

echo "== schemathesis: installing schemathesis into $venv"
make_venv "$venv" schemathesis
"$venv/bin/st" --version

failed=0
for setup in "event-loop memory" "router memory" "event-loop sqlite"; do
    read -r engine store <<<"$setup"
    [[ $store == sqlite ]] && store="sqlite:$work/albums.sqlite"
    echo "== schemathesis: scalelab serve --engine $engine --store $store on a free port"
    start_serve "$work/serve-$engine.log" --engine "$engine" --store "$store" --log-level warning
    run_schemathesis "$venv" "$work/st-$engine-${setup#* }.txt" "engine $engine, store $store" || failed=1
    stop_serve
done
[[ $failed -eq 0 ]] || exit 1
echo "schemathesis CI: passed on both engines, and on the SQLite store"

#!/usr/bin/env bash
# CI check for `scalelab serve`: the study's Locust load test (50 users, ~10 s, headless) must
# finish with zero failed requests, and GET /openapi.json must be a valid OpenAPI document.
# Run from the repository root after `swift build` (debug) has built .build/debug/scalelab.
set -euo pipefail

scalelab=.build/debug/scalelab
venv=${ALBUM_CI_VENV:-/tmp/scalelab-album-ci-venv}
work=$(mktemp -d /tmp/scalelab-album-ci.XXXXXX)
source "$(dirname "$0")/../lib/scalelab-serve.sh"
trap 'stop_serve; rm -rf "$work"' EXIT

echo "== album-service: installing Locust and openapi-spec-validator into $venv"
make_venv "$venv" locust openapi-spec-validator

echo "== album-service: starting scalelab serve on a free port"
start_serve "$work/serve.log" --log-level warning
base="http://127.0.0.1:$port"
for _ in $(seq 100); do
    curl -fsS "$base/health" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "$base/health"; echo

echo "== album-service: validating $base/openapi.json"
curl -fsS "$base/openapi.json" -o "$work/openapi.json"
"$venv/bin/openapi-spec-validator" "$work/openapi.json"

echo "== album-service: Locust, 50 users, 10 s, GET:POST /albums 3:1"
"$venv/bin/locust" -f examples/locust/locustfile.py --host "$base" --headless \
    --users 50 --spawn-rate 50 --run-time 10s --stop-timeout 5 --only-summary \
    --csv "$work/locust" --exit-code-on-error 1 2>&1 | tail -n 25
"$venv/bin/python" - "$work/locust_stats.csv" <<'PY'
import csv, sys
rows = {row["Name"]: row for row in csv.DictReader(open(sys.argv[1]))}
total = rows["Aggregated"]
requests, failures = int(total["Request Count"]), int(total["Failure Count"])
print(f"album-service CI: {requests} requests, {failures} failed")
if requests == 0 or failures > 0:
    sys.exit("album-service CI: the Locust check needs at least one request and no failures")
PY

echo "== album-service: stopping the server with SIGTERM (must exit 0)"
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=
[[ $status -eq 0 ]] || { echo "scalelab serve exited with status $status after SIGTERM:" >&2; cat "$work/serve.log" >&2; exit 1; }
echo "album-service CI: passed"

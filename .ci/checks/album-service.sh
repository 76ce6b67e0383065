#!/usr/bin/env bash
# CI check for `scalelab serve`: the study's Locust load test (50 users, ~10 s, headless) must
# finish with zero failed requests, and GET /openapi.json must be a valid OpenAPI document.
# Run from the repository root after `swift build` (debug) has built .build/debug/scalelab.
set -euo pipefail

scalelab=.build/debug/scalelab
venv=${ALBUM_CI_VENV:-/tmp/scalelab-album-ci-venv}
work=$(mktemp -d /tmp/scalelab-album-ci.XXXXXX)
server_pid=

cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

[[ -x "$scalelab" ]] || { echo "album-service CI: $scalelab is missing; run 'swift build' first." >&2; exit 1; }

echo "== album-service: installing Locust and openapi-spec-validator into $venv"
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv" || {
        echo "album-service CI: python3 -m venv failed; install python3-venv (apt-get install -y python3-venv)." >&2
        exit 1
    }
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check locust openapi-spec-validator

echo "== album-service: starting scalelab serve on a free port"
"$scalelab" serve --port 0 --log-level warning >"$work/serve.log" 2>&1 &
server_pid=$!
port=
for _ in $(seq 300); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\) .*|\1|p' "$work/serve.log")
    [[ -n "$port" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "scalelab serve exited early:" >&2; cat "$work/serve.log" >&2; exit 1; }
    sleep 0.1
done
[[ -n "$port" ]] || { echo "scalelab serve did not start within 30 s:" >&2; cat "$work/serve.log" >&2; exit 1; }
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

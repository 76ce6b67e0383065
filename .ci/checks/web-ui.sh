#!/usr/bin/env bash
# CI check: the load generator's web UI in a real browser (Debian's chromium and chromium-driver,
# driven by Selenium from PyPI): start the original test from the form against `scalelab serve`,
# see /albums in the statistics and points on the charts, resize, stop, download the statistics
# CSV, and save a screenshot that must not be blank (.ci/lib/web_ui_browser.py). Then a master
# with the web UI and one worker: a test started through Locust's POST /swarm runs on the worker,
# which the Workers list shows.
# Run from the repository root after `swift build` (debug) has built .build/debug/scalelab.
set -euo pipefail

scalelab=${SCALELAB:-.build/debug/scalelab}
venv=${WEB_UI_VENV:-/tmp/scalelab-web-ui-venv}
out=${WEB_UI_OUTPUT:-$(mktemp -d /tmp/scalelab-web-ui.XXXXXX)}
mkdir -p "$out"
source "$(dirname "$0")/../lib/scalelab-serve.sh"
pids=()
trap 'for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done; stop_serve' EXIT

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "== web UI: installing Debian's chromium and chromium-driver"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
make_venv "$venv" selenium pillow

# wait_for_line LOG PATTERN PID: the first match of the sed pattern in LOG, waiting up to 60 s.
wait_for_line() {
    local log=$1 pattern=$2 pid=$3 found=
    for _ in $(seq 600); do
        found=$(sed -n "$pattern" "$log" | head -1)
        [[ -n "$found" ]] && { echo "$found"; return 0; }
        kill -0 "$pid" 2>/dev/null || { echo "exited early:" >&2; cat "$log" >&2; return 1; }
        sleep 0.1
    done
    echo "no line matching $pattern in 60 s:" >&2
    cat "$log" >&2
    return 1
}
web_port_of() { wait_for_line "$1" 's|^Web UI at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$2"; }

start_serve "$out/serve.log" --log-level warning
target="http://127.0.0.1:$port"

echo "== web UI: single process, driven in Chromium"
"$scalelab" load -H "$target" --web-port 0 --only-summary >"$out/load.out" 2>"$out/load.err" &
load=$!
pids+=("$load")
web=$(web_port_of "$out/load.err" "$load")
"$venv/bin/python" .ci/lib/web_ui_browser.py "http://127.0.0.1:$web/" "$out"
kill -INT "$load"
wait "$load" || { echo "scalelab load (web UI) ended with status $?" >&2; cat "$out/load.err" >&2; exit 1; }
grep -q "Final statistics" "$out/load.out" || { echo "no final report after Ctrl-C:" >&2; cat "$out/load.out" >&2; exit 1; }
echo "web UI check: Ctrl-C printed the final report and exited 0"

echo "== web UI: a master with one worker"
"$scalelab" load --master --master-bind-port 0 -H "$target" --web-port 0 --only-summary >"$out/master.out" 2>"$out/master.err" &
master=$!
pids+=("$master")
master_port=$(wait_for_line "$out/master.err" 's|^Master listening for workers on 127.0.0.1:\([0-9]*\).*|\1|p' "$master")
web=$(web_port_of "$out/master.err" "$master")
"$scalelab" load --worker --master-port "$master_port" >"$out/worker.log" 2>&1 &
worker=$!
pids+=("$worker")
"$venv/bin/python" - "http://127.0.0.1:$web/" "$venv/bin/python" "$out" <<'PY'
import json, subprocess, sys, time, urllib.parse, urllib.request

url, python, out = sys.argv[1:4]
def stats():
    return json.load(urllib.request.urlopen(url + "stats/requests"))
def until(condition, what):
    for _ in range(600):  # at most 60 s: a guard against a hang, not a timing
        document = stats()
        if condition(document):
            return document
        time.sleep(0.1)
    sys.exit(f"web UI check: the master never showed {what}: {document}")

until(lambda d: len(d.get("workers", [])) == 1, "its worker")
form = urllib.parse.urlencode({"user_count": 4, "spawn_rate": 100}).encode()
answer = json.load(urllib.request.urlopen(url + "swarm", data=form))
assert answer["success"], answer
document = until(lambda d: d["user_count"] == 4 and d["stats"][-1]["num_requests"] > 0, "4 users with requests")
worker = document["workers"][0]
assert worker["state"] == "running" and worker["user_count"] == 4, worker
assert {"id", "state", "user_count", "cpu_usage", "memory_usage", "host"} <= set(worker), worker
subprocess.run([python, ".ci/lib/web_ui_browser.py", url, out, "workers", "1"], check=True)
urllib.request.urlopen(url + "stop").read()
until(lambda d: d["state"] == "stopped", "the test stopped")
print(f"web UI check: the master's worker ran 4 users ({worker['id']} on {worker['host']})")
PY
kill -INT "$master"
wait "$master" || { echo "scalelab load --master (web UI) ended with status $?" >&2; cat "$out/master.err" >&2; exit 1; }
wait "$worker" || { echo "the worker ended with status $?" >&2; cat "$out/worker.log" >&2; exit 1; }
grep -q "^Workers" "$out/master.out" || { echo "no Workers table in the master's report:" >&2; cat "$out/master.out" >&2; exit 1; }
echo "web UI check: the master's report lists its worker; the worker quit when the master did"

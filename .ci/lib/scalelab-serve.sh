# Sourced by the checks in .ci/checks that need `scalelab serve` and Python tools.
# Expects `scalelab` (the binary's path) to be set; sets `server_pid` and `port`.

# make_venv VENV PACKAGE...: a Python venv at VENV with the packages installed from PyPI.
make_venv() {
    local venv=$1
    shift
    if [[ ! -x "$venv/bin/python" ]]; then
        python3 -m venv "$venv" || {
            echo "CI: python3 -m venv failed; install python3-venv (apt-get install -y python3-venv)." >&2
            exit 1
        }
    fi
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$@"
}

# start_serve LOG ARGUMENT...: `scalelab serve --port 0 ARGUMENT...` in the background, logging
# to LOG; returns once it prints its port (in `port`), or exits if it fails to start in 30 s.
start_serve() {
    local log=$1
    shift
    [[ -x "$scalelab" ]] || { echo "CI: $scalelab is missing; run 'swift build' first." >&2; exit 1; }
    "$scalelab" serve --port 0 "$@" >"$log" 2>&1 &
    server_pid=$!
    port=
    for _ in $(seq 300); do
        port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\) .*|\1|p' "$log")
        [[ -n "$port" ]] && return 0
        kill -0 "$server_pid" 2>/dev/null || { echo "scalelab serve exited early:" >&2; cat "$log" >&2; exit 1; }
        sleep 0.1
    done
    echo "scalelab serve did not start within 30 s:" >&2
    cat "$log" >&2
    exit 1
}

# stop_serve: SIGTERM to the server started last, SIGKILL if it is still running 5 s later.
stop_serve() {
    if [[ -n "${server_pid:-}" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    server_pid=
}

# run_schemathesis VENV OUTPUT LABEL: schemathesis (`st run --checks all`, from VENV) against the
# server started last (`port`), its own /openapi.json, bounded by ST_MAX_EXAMPLES cases per
# operation (100), ST_TIMEOUT seconds (300) and a fixed ST_SEED (1); prints the summary, and the
# whole output to stderr when it fails; returns st's status.
run_schemathesis() {
    local venv=$1 output=$2 label=$3 status=0
    timeout "${ST_TIMEOUT:-300}" "$venv/bin/st" run "http://127.0.0.1:$port/openapi.json" --url "http://127.0.0.1:$port" \
        --checks all --max-examples "${ST_MAX_EXAMPLES:-100}" --seed "${ST_SEED:-1}" \
        --workers 1 --request-timeout 10 --no-color --generation-database none \
        >"$output" 2>&1 || status=$?
    tail -n 40 "$output"
    if [[ $status -ne 0 ]]; then
        echo "schemathesis: $label: st run failed (exit $status); the full output:" >&2
        cat "$output" >&2
    fi
    return $status
}

#!/usr/bin/env bash
# CI check for the PostgreSQL store: installs Debian's postgresql, starts a throwaway cluster as
# an unprivileged user on a loopback port, and runs against it
# - the contract tests (every route on both engines), the two-instance tests, the schema
#   version test and the SIGKILL crash test, with SCALELAB_POSTGRES_URL set so they run
#   (without it they are skipped), failing if any was skipped;
# - schemathesis against the service on PostgreSQL (as .ci/checks/schemathesis.sh on the others);
# - an outage under load (.ci/lib/database_outage.py): writers POST while the database is
#   stopped and started again; only 201 and 503 (with Retry-After) are answered, the service
#   recovers without a restart, and no album answered 201 is lost.
# Run from the repository root after `swift build --build-tests` (debug).
set -euo pipefail

scalelab=.build/debug/scalelab
work=$(mktemp -d /tmp/scalelab-postgres-ci.XXXXXX)
pg_port=${POSTGRES_CI_PORT:-55439}
source "$(dirname "$0")/../lib/scalelab-serve.sh"
source "$(dirname "$0")/../lib/postgres.sh"
trap 'stop_serve; stop_postgres; rm -rf "$work"' EXIT

start_postgres "$work/postgres" "$pg_port"

echo "== postgres: the store's tests with SCALELAB_POSTGRES_URL=$SCALELAB_POSTGRES_URL"
swift test --skip-build \
    --filter 'AlbumServiceTests\.(AlbumRoutesTests|AlbumErrorTests|AlbumPaginationTests|AlbumEntityTagTests|PostgresStoreTests|CrashTests)' \
    >"$work/tests.txt" 2>&1 || { cat "$work/tests.txt" >&2; echo "postgres CI: tests failed" >&2; exit 1; }
tail -n 3 "$work/tests.txt"
if grep -E 'skipped' "$work/tests.txt"; then
    echo "postgres CI: tests were skipped although SCALELAB_POSTGRES_URL is set" >&2
    exit 1
fi
grep -q 'Test anAlbumPostedToOneInstanceIsServedByTheOtherAtOnce() passed' "$work/tests.txt" || {
    echo "postgres CI: the two-instance test did not run" >&2
    exit 1
}

echo "== postgres: schemathesis against the PostgreSQL store"
venv=${SCHEMATHESIS_VENV:-/tmp/scalelab-schemathesis-venv}
make_venv "$venv" schemathesis
psql_url="postgres://scalelab@127.0.0.1:$pg_port"
"$postgres_bin/psql" "$psql_url/postgres" -qc "CREATE DATABASE schemathesis"
start_serve "$work/serve-schemathesis.log" --store "$psql_url/schemathesis" --log-level warning
run_schemathesis "$venv" "$work/st.txt" "store $psql_url/schemathesis"
stop_serve

echo "== postgres: an outage under load"
"$postgres_bin/psql" "$psql_url/postgres" -qc "CREATE DATABASE outage"
start_serve "$work/serve.log" --store "$psql_url/outage" --log-level warning
python3 .ci/lib/database_outage.py "http://127.0.0.1:$port" \
    "bash -c 'source .ci/lib/postgres.sh; postgres_dir=$work/postgres; stop_postgres'" \
    "bash -c 'source .ci/lib/postgres.sh; postgres_dir=$work/postgres; postgres_options=\"$postgres_options\"; restart_postgres'"
echo "postgres CI: passed"

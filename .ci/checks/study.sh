#!/usr/bin/env bash
# CI check: `scalelab study --quick` writes a report with every section and data file (the
# store comparison on a throwaway PostgreSQL cluster, .ci/lib/postgres.sh, as well), a
# self-contained index.html that Chromium (Debian's chromium and chromium-driver, driven by
# Selenium from PyPI) renders to a screenshot that is not blank (.ci/lib/study_report_check.py).
# Prints how long the quick study took (its goal: under two minutes on 2 cores).
# Run from the repository root after `swift build` (debug) has built .build/debug/scalelab.
set -euo pipefail

scalelab=${SCALELAB:-.build/debug/scalelab}
venv=${WEB_UI_VENV:-/tmp/scalelab-web-ui-venv}
out=${STUDY_OUTPUT:-$(mktemp -d /tmp/scalelab-study.XXXXXX)}
mkdir -p "$out"
source "$(dirname "$0")/../lib/scalelab-serve.sh"
source "$(dirname "$0")/../lib/postgres.sh"
trap '[[ -z "${postgres_dir:-}" ]] || stop_postgres' EXIT
[[ -x "$scalelab" ]] || { echo "CI: $scalelab is missing; run 'swift build' first." >&2; exit 1; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "== study: installing Debian's chromium and chromium-driver"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
make_venv "$venv" selenium pillow
start_postgres "$out/postgres" "${POSTGRES_STUDY_PORT:-55441}"

echo "== study: scalelab study --quick"
start=$(date +%s)
"$scalelab" study --quick --postgres "$SCALELAB_POSTGRES_URL" --output "$out/report" >"$out/study.out" 2>"$out/study.err" || {
    echo "scalelab study --quick ended with status $?:" >&2
    cat "$out/study.err" >&2
    exit 1
}
seconds=$(($(date +%s) - start))
grep -v '^    ' "$out/study.err"
echo "study check: scalelab study --quick took ${seconds} s (goal: under 120 s on 2 cores)"
"$venv/bin/python" .ci/lib/study_report_check.py "$out/report"

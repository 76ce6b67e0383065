#!/usr/bin/env bash
# CI check for deploy/: there is no Docker engine or cluster here, so the files are validated
# offline: the Kubernetes manifests with kubernetes-validate (strict: unknown fields fail) and
# the Compose file with check-jsonschema against the Compose specification's schema. Both come
# from PyPI and carry their schemas, so no network beyond PyPI is needed. Then the master's
# command line from the manifests is parsed by the built scalelab (usage errors exit 64).
set -euo pipefail

venv=${DEPLOY_CI_VENV:-/tmp/scalelab-deploy-ci-venv}
scalelab=.build/debug/scalelab

echo "== deploy-files: installing kubernetes-validate and check-jsonschema into $venv"
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv" || {
        echo "deploy-files CI: python3 -m venv failed; install python3-venv (apt-get install -y python3-venv)." >&2
        exit 1
    }
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check kubernetes-validate check-jsonschema

echo "== deploy-files: Kubernetes manifests"
"$venv/bin/kubernetes-validate" --strict deploy/kubernetes/*.yaml

echo "== deploy-files: Compose file"
"$venv/bin/check-jsonschema" --builtin-schema vendor.compose-spec deploy/compose.yaml

echo "== deploy-files: the master's arguments in the manifest parse"
[[ -x "$scalelab" ]] || { echo "deploy-files CI: $scalelab is missing; run 'swift build' first." >&2; exit 1; }
args=$("$venv/bin/python" - <<'PY'
import yaml
for document in yaml.safe_load_all(open("deploy/kubernetes/master.yaml")):
    if document and document["kind"] == "Job":
        args = document["spec"]["template"]["spec"]["containers"][0]["args"]
        # A free port and a short wait: only the parsing is checked.
        args = [a for a in args if not a.startswith(("--expect-workers-max-wait", "--master-bind-host"))]
        print("\n".join(args + ["--master-bind-host=127.0.0.1", "--master-bind-port=0", "--expect-workers-max-wait=100ms"]))
PY
)
mapfile -t master_args <<<"$args"
status=0
SCALELAB_CLUSTER_TOKEN=ci-token "$scalelab" "${master_args[@]}" >/dev/null 2>&1 || status=$?
if [[ $status -ne 3 ]]; then
    echo "deploy-files CI: the manifest's master command ended with $status, expected 3 (no workers came); its arguments may not parse:" >&2
    SCALELAB_CLUSTER_TOKEN=ci-token "$scalelab" "${master_args[@]}" >&2 || true
    exit 1
fi
echo "deploy-files: ok"

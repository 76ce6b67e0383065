#!/usr/bin/env bash
# CI check for distributed load tests across hosts: three network namespaces on this machine
# stand for three hosts. "hub" runs the album service and the master; two workers run in their
# own namespaces, each joined to the hub by a veth pair, so every byte between them crosses a
# (virtual) network link, never loopback. The run must end with exit 0, both workers must have
# sent requests, none may fail, and the merged count must equal the sum over the workers.
# Needs root (ip netns) and iproute2; the addresses exist only inside these namespaces.
set -euo pipefail

scalelab=$(realpath .build/debug/scalelab)
[[ -x "$scalelab" ]] || { echo "cluster-netns CI: $scalelab is missing; run 'swift build' first." >&2; exit 1; }
command -v ip >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iproute2 >/dev/null; }

suffix=$$
hub=sl-hub-$suffix
workers=(sl-w1-$suffix sl-w2-$suffix)
work=$(mktemp -d /tmp/scalelab-netns.XXXXXX)
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
pids=()

cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    for ns in "$hub" "${workers[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

echo "== cluster-netns: three hosts (network namespaces) joined by veth pairs"
ip netns add "$hub"
ip -n "$hub" link set lo up
for index in 1 2; do
    ns=${workers[$((index - 1))]}
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip link add "slh$index-$suffix" netns "$hub" type veth peer name "slw$index-$suffix" netns "$ns"
    ip -n "$hub" addr add "10.231.$index.1/24" dev "slh$index-$suffix"
    ip -n "$ns" addr add "10.231.$index.2/24" dev "slw$index-$suffix"
    ip -n "$hub" link set "slh$index-$suffix" up
    ip -n "$ns" link set "slw$index-$suffix" up
    # Everything else (the hub's other address) through the hub.
    ip -n "$ns" route add default via "10.231.$index.1"
done

echo "== cluster-netns: the album service and the master on the hub"
ip netns exec "$hub" "$scalelab" serve --host 0.0.0.0 --port 8080 --log-level warning >"$work/serve.log" 2>&1 &
pids+=($!)
ip netns exec "$hub" env SCALELAB_CLUSTER_TOKEN="$token" "$scalelab" load --master --headless \
    --master-bind-host 0.0.0.0 --expect-workers 2 --expect-workers-max-wait 2m \
    -H http://10.231.1.1:8080 -u 8 -r 20 -t 5s --stop-timeout 10s --only-summary \
    --json "$work/report.json" >"$work/master.log" 2>&1 &
master=$!
pids+=($master)

echo "== cluster-netns: a worker in each of the two other namespaces"
for index in 1 2; do
    ip netns exec "${workers[$((index - 1))]}" env SCALELAB_CLUSTER_TOKEN="$token" "$scalelab" load --worker \
        --master-host "10.231.$index.1" >"$work/worker$index.log" 2>&1 &
    pids+=($!)
done

status=0
wait "$master" || status=$?
cat "$work/master.log"
if [[ $status -ne 0 ]]; then
    echo "cluster-netns CI: the master exited with $status." >&2
    for index in 1 2; do echo "--- worker $index:" >&2; cat "$work/worker$index.log" >&2; done
    exit 1
fi
python3 - "$work/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
total = report["statistics"]["aggregated"]["stats"]
workers = report["cluster"]["workers"]
assert len(workers) == 2, f"expected 2 workers, got {len(workers)}"
assert all(w["requests"] > 0 for w in workers), f"a worker sent no requests: {workers}"
assert total["failures"] == 0, f"{total['failures']} requests failed"
assert total["requests"] == sum(w["requests"] for w in workers), "merged count differs from the workers' sum"
hosts = sorted(w["host"] for w in workers)
assert all("(10.231." in h for h in hosts), f"the workers did not come over the veth links: {hosts}"
print(f"cluster-netns: ok: {total['requests']} requests from 2 workers in their own namespaces, none failed")
PY

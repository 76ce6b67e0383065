"""Summarizes wrk outputs written by album-service-vs-gin.sh and album-stores.sh: median (min-max)
req/s, p50 and p99 per endpoint and server, and each server's req/s over the reference's in the
runs taken side by side. Usage: summarize_wrk.py OUTPUT_DIR SERVER... (the last server, "go", is
the reference; for an endpoint it lacks, the first server is)."""
import glob
import re
import statistics
import sys

out, servers = sys.argv[1], sys.argv[2:] or ["swift", "go"]
reference = servers[-1]


def parse(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))

    def latency(percent):
        match = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)\b", text)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rps, latency(50), latency(99), int(errors.group(1)) if errors else 0


for endpoint in ["list", "id", "post", "page"]:
    runs = {}
    for server in servers:
        files = sorted(glob.glob(f"{out}/{endpoint}-{server}-[0-9]*.txt"))
        if not files:
            continue
        runs[server] = [parse(f) for f in files]
        rps = [r[0] for r in runs[server]]
        p50 = [r[1] for r in runs[server]]
        p99 = [r[2] for r in runs[server]]
        print(f"{endpoint:5} {server:11} req/s {statistics.median(rps):9.0f} ({min(rps):.0f}-{max(rps):.0f})"
              f"  p50 ms {statistics.median(p50):.3g} ({min(p50):.3g}-{max(p50):.3g})"
              f"  p99 ms {statistics.median(p99):.3g} ({min(p99):.3g}-{max(p99):.3g})"
              f"  non-2xx {sum(r[3] for r in runs[server])}")
    base = reference if reference in runs else next(iter(runs), None)
    for server in runs:
        if server == base:
            continue
        ratios = [s[0] / g[0] for s, g in zip(runs[server], runs[base])]
        print(f"{endpoint:5} {server}/{base} req/s {statistics.median(ratios):.2f}"
              f" ({min(ratios):.2f}-{max(ratios):.2f})")

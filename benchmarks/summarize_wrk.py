"""Summarizes wrk outputs written by album-service-vs-gin.sh: median (min-max) req/s and p99 per
endpoint and server, and each server's req/s over Go's in the runs taken side by side.
Usage: summarize_wrk.py OUTPUT_DIR SERVER... (the last server, "go", is the reference)."""
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


for endpoint in ["list", "id", "post"]:
    runs = {}
    for server in servers:
        runs[server] = [parse(f) for f in sorted(glob.glob(f"{out}/{endpoint}-{server}-[0-9]*.txt"))]
        rps = [r[0] for r in runs[server]]
        p99 = [r[2] for r in runs[server]]
        print(f"{endpoint:5} {server:10} req/s {statistics.median(rps):9.0f} ({min(rps):.0f}-{max(rps):.0f})"
              f"  p99 ms {statistics.median(p99):.3g} ({min(p99):.3g}-{max(p99):.3g})"
              f"  non-2xx {sum(r[3] for r in runs[server])}")
    for server in servers[:-1]:
        ratios = [s[0] / g[0] for s, g in zip(runs[server], runs[reference])]
        print(f"{endpoint:5} {server}/{reference} req/s {statistics.median(ratios):.2f}"
              f" ({min(ratios):.2f}-{max(ratios):.2f})")

"""CPU time each album server spends per request: the event-loop engine, the router engine and
the Go/Gin original, in one sitting, alternating.

Per run, wrk drives one server for DUR seconds; the server's CPU time (user + system, all
threads, from /proc/PID/stat) before and after, divided by the requests wrk completed, is that
run's cost per request. CPU time, unlike requests per second, does not count the time a server
waits for the cores the other processes hold, so it varies less on a shared machine (it still
varies: contention slows caches). valgrind 3.19 cannot run the Swift binary (it crashes in
libdispatch's signal thread) and this VM exposes no hardware counters to `perf stat`, so
instructions cannot be counted here.

Beside the CPU time it prints the rescheduling interrupts (the RES line of /proc/interrupts, all
cores) per request: one core telling another to run a thread it has just woken, here mostly the
server waking wrk or wrk waking an event loop that sleeps on the other core. On a VM each costs
an exit to the hypervisor.

Usage: python3 benchmarks/album-service-cpu-per-request.py SCALELAB_BINARY [GO_ALBUMS_BINARY]
Environment: RUNS (5), DUR (5s), THREADS (1), CONN (50), SERVERS ("event-loop router gin"; add
"baseline" to run BASELINE, another scalelab binary such as an earlier commit's, with its defaults).
"""
import os
import re
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
scalelab = sys.argv[1]
go_albums = sys.argv[2] if len(sys.argv) > 2 else "/tmp/anchors-bin/albums"
runs = int(os.environ.get("RUNS", "5"))
duration = os.environ.get("DUR", "5s")
threads = os.environ.get("THREADS", "1")
connections = os.environ.get("CONN", "50")
servers = os.environ.get("SERVERS", "event-loop router gin").split()
ticks = os.sysconf("SC_CLK_TCK")
ports = {server: 18181 + index for index, server in enumerate(servers)}


def start(server):
    port = ports[server]
    if server == "gin":
        env = dict(os.environ, PORT=str(port), GIN_MODE="release")
        return subprocess.Popen([go_albums], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if server == "baseline":
        command = [os.environ["BASELINE"], "serve", "--port", str(port), "--log-level", "warning"]
    else:
        command = [scalelab, "serve", "--port", str(port), "--engine", server, "--log-level", "warning"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime


def rescheduling_interrupts():
    for line in open("/proc/interrupts"):
        fields = line.split()
        if fields and fields[0] == "RES:":
            return sum(int(field) for field in fields[1:1 + os.cpu_count()])
    return 0


def run(server, pid, endpoint):
    url = f"http://127.0.0.1:{ports[server]}" + ("/albums/2" if endpoint == "get" else "/albums")
    script = [] if endpoint == "get" else ["-s", os.path.join(here, "post-album.lua")]
    before, interrupts_before = cpu_seconds(pid), rescheduling_interrupts()
    text = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}"] + script + [url],
                          capture_output=True, text=True, check=True).stdout
    after, interrupts_after = cpu_seconds(pid), rescheduling_interrupts()
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    return (after - before) / requests * 1e6, (interrupts_after - interrupts_before) / requests


processes = {server: start(server) for server in servers}
try:
    time.sleep(2)
    print(f"CPU µs per request (user+system, all threads); wrk -t{threads} -c{connections} -d{duration}, "
          f"{runs} runs after one warm-up, alternating; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f}; then rescheduling interrupts per request")
    for endpoint in ["get", "post"]:
        costs = {server: [] for server in servers}
        interrupts = {server: [] for server in servers}
        for index in range(runs + 1):
            for server in servers:
                cost, interrupt_rate = run(server, processes[server].pid, endpoint)
                if index > 0:
                    costs[server].append(cost)
                    interrupts[server].append(interrupt_rate)
        for server in servers:
            values, rates = costs[server], interrupts[server]
            print(f"{endpoint:4} {server:10} {statistics.median(values):7.1f} ({min(values):.1f}-{max(values):.1f})"
                  f"  RES {statistics.median(rates):.3f} ({min(rates):.3f}-{max(rates):.3f})", flush=True)
finally:
    for process in processes.values():
        process.terminate()
        process.wait()

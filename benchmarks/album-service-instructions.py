"""Per-request CPU cost of the album service's engines and of the Go/Gin original, as
instructions counted by valgrind's callgrind (repeatable on a busy machine, unlike time).

Each server runs under callgrind twice per endpoint: once answering WARM requests and once
WARM + COUNT; the difference of the two instruction totals divided by COUNT is the cost of one
request, without start-up and shutdown. Requests go one at a time over one keep-alive
connection (Python's http.client), so the figure is the server's work per request, not
contention.

Usage: python3 benchmarks/album-service-instructions.py SCALELAB_BINARY [GO_ALBUMS_BINARY]
Environment: WARM (default 2000), COUNT (default 10000), SERVERS (default "event-loop router gin").
"""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

scalelab = sys.argv[1]
go_albums = sys.argv[2] if len(sys.argv) > 2 else "/tmp/anchors-bin/albums"
warm = int(os.environ.get("WARM", "2000"))
count = int(os.environ.get("COUNT", "10000"))
servers = os.environ.get("SERVERS", "event-loop router gin").split()
album = json.dumps({"title": "Kind of Blue", "artist": "Miles Davis", "price": 29.99})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_command(server, port):
    if server == "gin":
        # Go preempts goroutines with signals, which callgrind cannot follow; without async
        # preemption goroutines yield only at function calls, which a request handler makes.
        return [go_albums], dict(os.environ, PORT=str(port), GIN_MODE="release", GODEBUG="asyncpreemptoff=1")
    return [scalelab, "serve", "--port", str(port), "--engine", server, "--log-level", "warning"], dict(os.environ)


def instructions(server, endpoint, requests):
    port = free_port()
    command, env = server_command(server, port)
    out = tempfile.mktemp(prefix="callgrind.", dir="/tmp")
    process = subprocess.Popen(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--trace-children=no"] + command,
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                connection.request("GET", "/albums/1")
                connection.getresponse().read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit(f"{server} did not start under valgrind")
        for _ in range(requests):
            if endpoint == "get":
                connection.request("GET", "/albums/2")
            else:
                connection.request("POST", "/albums", body=album, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            assert response.status in (200, 201), response.status
        connection.close()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=120)
    text = open(out).read()
    os.remove(out)
    return int(re.search(r"^summary:\s+(\d+)", text, re.M).group(1))


print(f"instructions per request (callgrind Ir; ({warm}+{count}) - {warm} requests, one keep-alive connection)")
for endpoint in ["get", "post"]:
    for server in servers:
        base = instructions(server, endpoint, warm)
        total = instructions(server, endpoint, warm + count)
        print(f"{endpoint:4} {server:10} {(total - base) / count:10.0f}", flush=True)

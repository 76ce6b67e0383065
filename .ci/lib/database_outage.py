"""Writers POST albums to `scalelab serve` while its database is stopped and started again.

Usage: database_outage.py BASE_URL STOP_COMMAND START_COMMAND

Each phase ends on an event, not a time: the database is stopped once WRITES_BEFORE albums were
answered 201, started again once WRITES_WHILE_DOWN requests were answered 503, and the run ends
once WRITES_AFTER more albums were answered 201 after the start. Then it checks, and exits 1
naming what failed:
- every answer was 201 or 503 (no other 5xx, no dropped connection);
- every 503 carried Retry-After and a JSON {"error": ...};
- the service recovered without a restart (201s after the database came back);
- every album answered 201 is listed by GET /albums exactly once, with what was posted.
"""
import http.client
import json
import subprocess
import sys
import threading
import urllib.parse

WRITERS = 8
WRITES_BEFORE = 100
WRITES_WHILE_DOWN = 20
WRITES_AFTER = 100

base, stop_command, start_command = sys.argv[1], sys.argv[2], sys.argv[3]
address = urllib.parse.urlparse(base)
lock = threading.Condition()
acknowledged = {}  # id -> album answered 201
statuses = {}
problems = []
phase = "before"  # before -> down -> after -> done
unavailable_while_down = 0
created_after = 0


def post(connection, body):
    connection.request("POST", "/albums", body=json.dumps(body), headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    return response.status, response.getheader("Retry-After"), response.read()


def writer(number):
    global unavailable_while_down, created_after
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    sequence = 0
    while True:
        with lock:
            if phase == "done":
                return
        sequence += 1
        body = {"title": f"Writer {number} post {sequence}", "artist": "Outage", "price": sequence}
        try:
            status, retry_after, payload = post(connection, body)
        except Exception as error:  # a dropped connection is a failure of the service
            with lock:
                problems.append(f"writer {number}: the connection failed: {error!r}")
            connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
            continue
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            if status == 201:
                album = json.loads(payload)
                if album["id"] in acknowledged:
                    problems.append(f"id {album['id']} was answered 201 twice")
                acknowledged[album["id"]] = album
                if phase == "after":
                    created_after += 1
            elif status == 503:
                if retry_after is None or "error" not in json.loads(payload):
                    problems.append(f"a 503 without Retry-After or a JSON error: {payload[:200]!r}")
                if phase == "down":
                    unavailable_while_down += 1
            else:
                problems.append(f"unexpected status {status}: {payload[:200]!r}")
            lock.notify_all()


threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
for thread in threads:
    thread.start()


def wait_until(condition, what):
    with lock:
        if not lock.wait_for(condition, timeout=120):
            problems.append(f"gave up waiting (120 s) until {what}")


wait_until(lambda: len(acknowledged) >= WRITES_BEFORE, f"{WRITES_BEFORE} albums were created")
print(f"outage: {len(acknowledged)} albums created; stopping the database", flush=True)
with lock:
    phase = "down"
subprocess.run(stop_command, shell=True, check=True)
wait_until(lambda: unavailable_while_down >= WRITES_WHILE_DOWN, f"{WRITES_WHILE_DOWN} requests were answered 503")
print(f"outage: {unavailable_while_down} answers 503 while down; starting the database", flush=True)
subprocess.run(start_command, shell=True, check=True)
with lock:
    phase = "after"
wait_until(lambda: created_after >= WRITES_AFTER, f"{WRITES_AFTER} albums were created after the restart")
with lock:
    phase = "done"
for thread in threads:
    thread.join()
print(f"outage: answers by status {statuses}", flush=True)

connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
connection.request("GET", "/albums")
listed = json.loads(connection.getresponse().read())
ids = [album["id"] for album in listed]
if len(ids) != len(set(ids)):
    problems.append("GET /albums lists an id twice")
by_id = {album["id"]: album for album in listed}
lost = [album for album_id, album in acknowledged.items() if by_id.get(album_id) != album]
if lost:
    problems.append(f"{len(lost)} albums answered 201 are missing or changed, e.g. {lost[:3]}")
print(f"outage: {len(acknowledged)} albums answered 201, all listed once: {not lost}", flush=True)
if problems:
    print("outage: FAILED:\n  " + "\n  ".join(problems[:20]), file=sys.stderr)
    sys.exit(1)
print("outage: passed")

"""The study's original load test against the album service: GET /albums and POST /albums, 3:1.

Run it against `scalelab serve` (or any service with the same API):

    scalelab serve &
    locust -f examples/locust/locustfile.py --host http://127.0.0.1:8080 \
        --headless --users 50 --spawn-rate 50 --run-time 10s

Like the original, every POST adds an album, so GET /albums returns an ever-growing list.
A request counts as failed when its status is not the expected one (200 or 201) or when a
POST does not echo the album it sent.
"""

import itertools
import random

from locust import HttpUser, between, task

_serial = itertools.count(1)


class AlbumUser(HttpUser):
    """One user of the album API: three list reads for every album it adds."""

    wait_time = between(0.01, 0.1)

    @task(3)
    def list_albums(self):
        with self.client.get("/albums", name="GET /albums", catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}: {response.text[:200]}")
            elif not isinstance(response.json(), list):
                response.failure("GET /albums did not return a JSON array")

    @task(1)
    def add_album(self):
        number = next(_serial)
        album = {
            "title": f"Locust Album {number}",
            "artist": f"Locust Artist {number % 97}",
            "price": round(random.uniform(1, 100), 2),
        }
        with self.client.post("/albums", json=album, name="POST /albums", catch_response=True) as response:
            if response.status_code != 201:
                response.failure(f"status {response.status_code}: {response.text[:200]}")
                return
            created = response.json()
            if created.get("title") != album["title"] or not created.get("id"):
                response.failure(f"POST /albums answered {created}, not the album sent")

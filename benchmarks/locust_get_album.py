# Locust FastHttpUser doing what get-album.json does: GET /albums/1 in a loop, no wait.
from locust import FastHttpUser, task


class Reader(FastHttpUser):
    @task
    def get_album(self):
        self.client.get("/albums/1", name="/albums/{id}")

# Adds albums until the service at http://127.0.0.1:PORT holds TOTAL of them.
import http.client, json, sys
port, total = int(sys.argv[1]), int(sys.argv[2])
c = http.client.HTTPConnection("127.0.0.1", port)
c.request("GET", "/albums"); have = len(json.loads(c.getresponse().read()))
for i in range(have, total):
    c.request("POST", "/albums", body=json.dumps({"title": f"Filler {i}", "artist": "fill", "price": 1.5}), headers={"Content-Type": "application/json"})
    r = c.getresponse(); r.read()
    assert r.status == 201, r.status
c.request("GET", "/albums"); print(port, "holds", len(json.loads(c.getresponse().read())), "albums")

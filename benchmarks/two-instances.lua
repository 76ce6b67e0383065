-- wrk script: thread i sends to 127.0.0.1:PORTS[i] (PORTS, comma-separated, from the environment),
-- so `wrk -t2` splits its connections between two instances. With POST=1 it POSTs albums as
-- post-album.lua does (BENCHMARKS names this folder).
local ports = {}
for port in string.gmatch(os.getenv("PORTS") or "", "%d+") do table.insert(ports, port) end
local threads = 0

function setup(thread)
  threads = threads + 1
  thread.addr = wrk.lookup("127.0.0.1", ports[(threads - 1) % #ports + 1])[1]
end

if os.getenv("POST") == "1" then
  dofile(os.getenv("BENCHMARKS") .. "/post-album.lua")
end

#!/usr/bin/env bash
# The album service's stores side by side under wrk, in one sitting: memory, SQLite, PostgreSQL
# (one instance, and two instances on one database with wrk's two threads split between them) and
# the Go/Gin original (memory). Each holds 10,000 albums at the start. Per endpoint
# (GET /albums/{id}, POST /albums, and a page, GET /albums?limit=100&after=5000, which Gin lacks)
# one warm-up, then RUNS runs of each server, alternating. A throwaway PostgreSQL cluster
# (.ci/lib/postgres.sh) runs on 127.0.0.1:$PG_PORT. Needs wrk, Debian's postgresql and the Go
# reference (bash ../shared/anchors/build.sh). Usage: benchmarks/album-stores.sh [scalelab binary]
#   env: RUNS (3), DUR (5s), CONN (50), SERVERS ("memory sqlite postgres postgres-x2 go"), PG_PORT (55440)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
swift_bin=${1:-$here/../.build-release/release/scalelab}
go_bin=${GO_ALBUMS:-/tmp/anchors-bin/albums}
runs=${RUNS:-3}; duration=${DUR:-5s}; connections=${CONN:-50}
servers=(${SERVERS:-memory sqlite postgres postgres-x2 go})
out=$(mktemp -d /tmp/album-stores-bench.XXXXXX)
source "$here/../.ci/lib/postgres.sh"
declare -A port
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; stop_postgres' EXIT

start_postgres "$out/postgres" "${PG_PORT:-55440}"
pg="postgres://scalelab@127.0.0.1:${PG_PORT:-55440}"
"$postgres_bin/psql" "$pg/postgres" -qc "CREATE DATABASE albums1" -c "CREATE DATABASE albums2"

serve() {  # serve NAME PORT STORE: scalelab serve with 10,000 albums in a new store
  "$swift_bin" serve --port "$2" --store "$3" --seed-albums 9997 --log-level warning >"$out/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 600); do grep -q "listening on" "$out/$1.log" && return 0; sleep 0.1; done
  cat "$out/$1.log" >&2; exit 1
}
for server in "${servers[@]}"; do
  case $server in
    memory) port[$server]=18101; serve memory 18101 memory ;;
    sqlite) port[$server]=18102; serve sqlite 18102 "sqlite:$out/albums.sqlite" ;;
    postgres) port[$server]=18103; serve postgres 18103 "$pg/albums1" ;;
    postgres-x2) port[$server]=18104; serve postgres-a 18104 "$pg/albums2"; serve postgres-b 18105 "$pg/albums2" ;;
    go) port[$server]=18110
        PORT=18110 GIN_MODE=release "$go_bin" >"$out/go.log" 2>&1 & pids+=($!)
        sleep 1; python3 "$here/fill_albums.py" 18110 10000 ;;
  esac
done

echo "wrk -t2 -c$connections -d$duration, $runs runs after one warm-up; $(nproc) cores; load: $(uptime | sed 's/.*load/load/')"
for endpoint in id post page; do
  case $endpoint in
    id) path=/albums/2 ;;
    post) path=/albums ;;
    page) path="/albums?limit=100&after=5000" ;;
  esac
  for run in warmup $(seq "$runs"); do
    for server in "${servers[@]}"; do
      [[ $endpoint == page && $server == go ]] && continue  # Gin has no pages
      script=()
      [[ $endpoint == post ]] && script=(-s "$here/post-album.lua")
      ports=${port[$server]}
      if [[ $server == postgres-x2 ]]; then
        script=(-s "$here/two-instances.lua"); ports="18104,18105"
      fi
      PORTS=$ports BENCHMARKS=$here POST=$([[ $endpoint == post ]] && echo 1 || echo 0) \
        wrk -t2 -c"$connections" -d"$duration" --latency "${script[@]}" \
        "http://127.0.0.1:${port[$server]}$path" >"$out/$endpoint-$server-$run.txt"
    done
  done
done
echo "wrk outputs in $out; load after: $(uptime | sed 's/.*load/load/')"
python3 "$here/summarize_wrk.py" "$out" "${servers[@]}"

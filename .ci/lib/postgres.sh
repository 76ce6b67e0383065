# Sourced by checks and benchmarks that need PostgreSQL: a throwaway cluster of Debian's
# PostgreSQL, run by an unprivileged user on a loopback port, trusting local connections.
#
# start_postgres DIR PORT: installs `postgresql` (apt) when its binaries are missing, creates a
#   cluster in DIR (owned by the user `scalelab-pg`, created when needed, when run as root) and
#   starts it on 127.0.0.1:PORT with a superuser `scalelab`; sets SCALELAB_POSTGRES_URL to
#   postgres://scalelab@127.0.0.1:PORT/postgres.
# stop_postgres, restart_postgres: pg_ctl stop (fast) and start on the cluster started last.

postgres_bin=${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}

# Runs a command as the cluster's owner.
as_postgres_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u scalelab-pg -- "$@"
    else
        "$@"
    fi
}

start_postgres() {
    postgres_dir=$1
    postgres_port=$2
    if [[ ! -x "$postgres_bin/initdb" ]]; then
        echo "== postgres: installing Debian's postgresql"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    if [[ $(id -u) -eq 0 ]] && ! id scalelab-pg >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin scalelab-pg
    fi
    mkdir -p "$postgres_dir"
    if [[ $(id -u) -eq 0 ]]; then
        chown scalelab-pg "$postgres_dir"
        chmod o+x "$(dirname "$postgres_dir")"  # mktemp -d makes it 0700: let the owner reach DIR
    fi
    if [[ ! -f "$postgres_dir/data/PG_VERSION" ]]; then
        as_postgres_owner "$postgres_bin/initdb" -D "$postgres_dir/data" -U scalelab --auth=trust \
            --no-sync >"$postgres_dir/initdb.log" 2>&1 || { cat "$postgres_dir/initdb.log" >&2; return 1; }
    fi
    postgres_options="-c listen_addresses=127.0.0.1 -c port=$postgres_port -c unix_socket_directories=$postgres_dir -c max_connections=200"
    restart_postgres
    export SCALELAB_POSTGRES_URL="postgres://scalelab@127.0.0.1:$postgres_port/postgres"
    echo "== postgres: running at $SCALELAB_POSTGRES_URL (data in $postgres_dir/data)"
}

restart_postgres() {
    as_postgres_owner "$postgres_bin/pg_ctl" -D "$postgres_dir/data" -l "$postgres_dir/server.log" \
        -o "$postgres_options" -w -t 60 start >/dev/null || { cat "$postgres_dir/server.log" >&2; return 1; }
}

stop_postgres() {
    as_postgres_owner "$postgres_bin/pg_ctl" -D "$postgres_dir/data" -m fast -w stop >/dev/null || true
}

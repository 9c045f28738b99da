#!/usr/bin/env bash
# Run the test suite against PostgreSQL. With DATABASE_URL set, use that server; otherwise
# start a throwaway cluster from the system's PostgreSQL binaries on a free local port,
# and stop and delete it afterwards, whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

if [ -n "${DATABASE_URL:-}" ]; then
    echo "Using the PostgreSQL server in DATABASE_URL."
    exec "$PYTHON" -m pytest "$@"
fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ] && command -v initdb >/dev/null; then pgbin=$(dirname "$(command -v initdb)"); fi
if [ -z "$pgbin" ]; then
    echo "PostgreSQL is not installed: apt-get install postgresql (or set DATABASE_URL)." >&2
    exit 2
fi

tmp=$(mktemp -d /tmp/fnsp-pg.XXXXXX)
chmod 755 "$tmp"
run=()
if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: run the cluster as the postgres system user.
    chown postgres: "$tmp"
    run=(runuser -u postgres --)
fi
port=$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
    "${run[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT

"${run[@]}" "$pgbin/initdb" -D "$tmp/data" -U fnsp --auth=trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 \
    || { cat "$tmp/initdb.log" >&2; exit 1; }
"${run[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
    -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
echo "Throwaway PostgreSQL on 127.0.0.1:$port"

DATABASE_URL="postgres://fnsp@127.0.0.1:$port/fnsp" "$PYTHON" -m pytest "$@"

#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests (issue 13): Debian's PostgreSQL 15 server, a new data
# directory under /tmp, loopback only, on a free port, one login role `assessment` (CREATEDB, trust
# authentication on 127.0.0.1: nothing but this machine's own processes can reach it).
#
#   .ci/postgres.sh start DIR        initdb + start in DIR (made, must not exist); prints the JDBC URL
#                                    of the cluster's `postgres` database for the role
#   .ci/postgres.sh createdb DIR NAME  a new empty database; prints its JDBC URL
#   .ci/postgres.sh stop DIR         stops the cluster and removes DIR
#
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` system user (made when
# missing), as anyone else as that user. Installs Debian's server when initdb is missing (CI machines).
# PG_PORT_FIRST (default 55432): the first port tried; the next free one at or above it is used.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  [ "$(id -u)" = 0 ] || { echo "postgres: no PostgreSQL server (apt-get install postgresql) and not root" >&2; exit 1; }
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# as: runs a command as the cluster's owner
as() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_of() { sed -n 's/^port = \([0-9]*\).*/\1/p' "$1/data/postgresql.conf" | tail -1; }
url_of() { echo "jdbc:postgresql://127.0.0.1:$(port_of "$1")/$2?user=assessment"; }
psql_in() { # psql_in DIR SQL: as the role, in the postgres database
  "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(port_of "$1")" -U assessment -d postgres -c "$2" >&2
}

free_port() {
  local p=${PG_PORT_FIRST:-55432}
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || [ -e "/tmp/.s.PGSQL.$p" ]; do
    p=$((p + 1))
  done
  echo "$p"
}

start() {
  local dir=$1
  [ ! -e "$dir" ] || { echo "postgres: $dir exists" >&2; exit 1; }
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  # ICU "zh" as the default collation, as on a department's server set up for Chinese: the tests then
  # see a linguistic order where the code relies on code-point order (db/vendor/postgresql/V13_61)
  as "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --locale-provider=icu --icu-locale=zh >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  local port
  port=$(free_port)
  # many Spring contexts stay cached during a test run, each with its connection pool: room for them;
  # durability as in production (fsync on), since the fault test kills the server, not the database
  as tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 400
shared_buffers = 128MB
EOF
  as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  # the tests' role; pg_signal_backend lets its DROP DATABASE ... WITH (FORCE) end an autovacuum worker that
  # PostgreSQL may have started on the database meanwhile (without it the drop fails: "must be a member of the
  # role whose process is being terminated or member of pg_signal_backend")
  as "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE assessment LOGIN CREATEDB" -c "GRANT pg_signal_backend TO assessment" >&2
  echo "postgres: PostgreSQL $("$bin/postgres" --version | awk "{print \$3}") on 127.0.0.1:$port, data in $dir/data" >&2
  url_of "$dir" postgres
}

case "${1:-}" in
  start) start "$2" ;;
  createdb)
    psql_in "$2" "CREATE DATABASE \"$3\""
    url_of "$2" "$3" ;;
  stop)
    if [ -f "$2/data/postmaster.pid" ]; then
      as "$bin/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$2" ;;
  psql) # psql DIR DATABASE SQL: one query's result, unaligned
    "$bin/psql" -X -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(port_of "$2")" -U assessment -d "$3" -c "$4" ;;
  *) echo "usage: $0 start DIR | createdb DIR NAME | psql DIR DATABASE SQL | stop DIR" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the test suite (installing Debian's package
# first when it is missing) and prints the maintenance URL that MASTHEAD_TEST_POSTGRES_URL takes.
# The data lives in a temporary folder with fsync off: it is for tests only, never for a site.
set -euo pipefail

port="${MASTHEAD_PG_PORT:-54329}"
data="${MASTHEAD_PG_DATA:-/tmp/masthead-test-pg}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "start-postgres: installing postgresql from Debian packages" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# initdb refuses to run as root; Debian's package creates the postgres user for this.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

if [ -f "$data/postmaster.pid" ] && as_owner "'$bin/pg_ctl' -D '$data' status" >/dev/null 2>&1; then
  echo "start-postgres: already running on port $port" >&2
else
  rm -rf "$data"
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres "$data"
  as_owner "'$bin/initdb' -D '$data' -A trust -U postgres --no-sync" >/dev/null
  as_owner "'$bin/pg_ctl' -D '$data' -l '$data/server.log' -w start \
    -o \"-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=/tmp -c fsync=off \
    -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000\"" >&2
fi
echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"

#!/usr/bin/env bash
# Starts a streaming replica of the test server that start-postgres.sh started (pg_basebackup, then a
# hot standby on 127.0.0.1) and prints the URL of its maintenance database, for
# MASTHEAD_TEST_POSTGRES_REPLICA_URL. For tests only: fsync is off, as on the primary.
set -euo pipefail

primary_port="${MASTHEAD_PG_PORT:-54329}"
port="${MASTHEAD_PG_REPLICA_PORT:-54330}"
data="${MASTHEAD_PG_REPLICA_DATA:-/tmp/masthead-test-pg-replica}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

if [ -f "$data/postmaster.pid" ] && as_owner "'$bin/pg_ctl' -D '$data' status" >/dev/null 2>&1; then
  echo "start-postgres-replica: already running on port $port" >&2
else
  rm -rf "$data"
  mkdir -p "$data"
  chmod 700 "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres "$data"
  # A replication slot keeps the primary's WAL until the replica has replayed it: the suite clones
  # databases faster than a replica replays them, and without one the primary recycled WAL the
  # replica still needed. A slot left by an earlier replica of the same primary is dropped first.
  "$bin/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -X -q -At -c \
    "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'masthead_test_replica'" \
    >/dev/null
  # -R writes standby.signal and the connection back to the primary (and the slot); -X stream copies
  # the WAL written while the backup runs.
  as_owner "'$bin/pg_basebackup' -h 127.0.0.1 -p $primary_port -U postgres -D '$data' -R -X stream \
    -C -S masthead_test_replica --no-sync" >&2
  as_owner "'$bin/pg_ctl' -D '$data' -l '$data/server.log' -w start \
    -o \"-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=/tmp -c fsync=off \
    -c hot_standby=on -c max_connections=1000\"" >&2
fi
echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"

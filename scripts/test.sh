#!/usr/bin/env bash
# Runs the whole test suite: once on SQLite, then again on PostgreSQL. Each test gets its own fresh
# database either way. The PostgreSQL run uses MASTHEAD_TEST_POSTGRES_URL when it is set, and otherwise
# starts a throwaway server on loopback (scripts/start-postgres.sh) and a streaming replica of it
# (scripts/start-postgres-replica.sh, MASTHEAD_TEST_POSTGRES_REPLICA_URL). --sqlite-only skips them.
#
# The HTML test runs the Nu HTML Checker; it is installed from shared/tools when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

sqlite_only=0
for arg in "$@"; do
  case "$arg" in
    --sqlite-only) sqlite_only=1 ;;
    *) echo "usage: scripts/test.sh [--sqlite-only]" >&2; exit 2 ;;
  esac
done

validators_env=/opt/newsval/env.sh
if [ ! -f "$validators_env" ]; then
  installer="../shared/tools/install-validators.sh"
  if [ ! -f "$installer" ]; then
    echo "test.sh: the Nu HTML Checker is missing and $installer is not beside this checkout" >&2
    exit 1
  fi
  bash "$installer"
fi
# shellcheck disable=SC1090
source "$validators_env"

swift build --build-tests

echo "== Masthead tests on SQLite"
env -u MASTHEAD_TEST_POSTGRES_URL swift test --skip-build

if [ "$sqlite_only" -eq 0 ]; then
  if [ -z "${MASTHEAD_TEST_POSTGRES_URL:-}" ]; then
    MASTHEAD_TEST_POSTGRES_URL="$(scripts/start-postgres.sh)"
    export MASTHEAD_TEST_POSTGRES_URL
    # A streaming replica of that server, for the read-replica tests.
    MASTHEAD_TEST_POSTGRES_REPLICA_URL="$(scripts/start-postgres-replica.sh)"
    export MASTHEAD_TEST_POSTGRES_REPLICA_URL
  fi
  echo "== Masthead tests on PostgreSQL"
  swift test --skip-build
fi

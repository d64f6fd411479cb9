#!/usr/bin/env bash
# Benchmarks/discovery.sh — discovery on a large archive: the demo edition plus ARTICLES generated
# stories (100,000 by default), on SQLite and, when PostgreSQL can be started, on PostgreSQL too.
#
# Prints, per database:
#   - how long loading and indexing the archive took (the demo loader runs the full reindex);
#   - search latency p50/p99 under wrk for a common word, a rarer word, a phrase and a prefix;
#   - what one publish costs discovery (the story read again, its rail and the rails it touches),
#     p50/p99 over the newest stories (`masthead reindex --time-publishes`);
#   - a rare topic's page (3 stories) against a common one (~20,000), same run;
#   - the article page's requests/s and server CPU per request with the related rail, against the
#     same page with the site set to "latest", same run (SQLite only: the page path is the same).
# The baseline in each run is the theme's stylesheet, a static file from the same server.
#
# Usage: Benchmarks/discovery.sh   (ARTICLES=100000 CONNECTIONS=16 DURATION=10s PORT=8098 POSTGRES=1)
set -euo pipefail
cd "$(dirname "$0")/.."

articles="${ARTICLES:-100000}"
connections="${CONNECTIONS:-16}"
duration="${DURATION:-10s}"
port="${PORT:-8098}"

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

echo "building masthead (release)…"
swift build -c release --product masthead >/dev/null
bin="$(swift build -c release --show-bin-path)/masthead"

work="$(mktemp -d)"
server=""
stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  server=""
}
trap 'stop_server; rm -rf "$work"' EXIT

start_server() {
  "$bin" serve --port "$port" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 200); do
    curl -fs "http://127.0.0.1:$port/assets/masthead.css" >/dev/null 2>&1 && return
    sleep 0.1
  done
  echo "the server did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
}

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }

# measure NAME PATH: one wrk run; prints a row and sets $last_cpu (ms per request).
measure() {
  local name="$1" path="$2" url out requests before after
  url="http://127.0.0.1:$port$path"
  wrk -t2 -c"$connections" -d2s "$url" >/dev/null
  before=$(cpu_ticks)
  out="$(wrk -t2 -c"$connections" -d"$duration" --latency "$url")"
  after=$(cpu_ticks)
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  last_cpu=$(awk -v t="$((after - before))" -v hz="$ticks" -v n="$requests" 'BEGIN { printf "%.3f", t / hz * 1000 / n }')
  printf '  %-34s %10s req/s  p50 %8s  p99 %8s  CPU/req %7s ms%s\n' "$name" \
    "$(echo "$out" | awk '/Requests\/sec/ { print $2 }')" "$(echo "$out" | awk '$1 == "50%" { print $2 }')" \
    "$(echo "$out" | awk '$1 == "99%" { print $2 }')" "$last_cpu" \
    "$(echo "$out" | awk '/Non-2xx/ { print "  (" $NF " non-2xx)" }')"
}

run_database() {
  local label="$1"
  echo
  echo "== $label: demo + $articles generated stories"
  local start=$(date +%s)
  "$bin" demo --replace-existing --generated "$articles" >/dev/null
  echo "  loaded and indexed in $(( $(date +%s) - start )) s"
  "$bin" reindex --time-publishes 50 | sed 's/^/  /'

  start_server
  stylesheet="$(curl -fs "http://127.0.0.1:$port/" | grep -o '/assets/masthead[^"]*\.css' | head -n 1)"
  measure "stylesheet (baseline)" "$stylesheet"; local base=$last_cpu
  measure "search: common word (talks)" "/api/v1/search?q=talks"
  measure "search: rarer word (Riyadh)" "/api/v1/search?q=Riyadh"
  measure "search: phrase (\"grain corridor\")" "/api/v1/search?q=%22grain%20corridor%22"
  measure "search: prefix (reconstr*)" "/api/v1/search?q=reconstr*"
  measure "topic page: common (US Tariffs)" "/topics/us-tariffs"; local common=$last_cpu
  measure "topic page: rare (Greenland, 3)" "/topics/greenland"; local rare=$last_cpu
  measure "article, related Read next" "/articles/us-envoy-says-ukraine-nato-membership-still-possible"
  local related=$last_cpu
  stop_server
  awk -v r="$rare" -v c="$common" -v b="$base" 'BEGIN {
    printf "  rare topic page %.2fx the common one; common %.1fx the stylesheet\n", r / c, c / b }'
  if [ "$label" = "SQLite" ]; then
    sqlite3 "$work/bench.sqlite" "UPDATE site_settings SET read_next = 'latest'"
    start_server
    measure "stylesheet (baseline)" "$stylesheet"; base=$last_cpu
    measure "article, latest Read next" "/articles/us-envoy-says-ukraine-nato-membership-still-possible"
    stop_server
    awk -v r="$related" -v l="$last_cpu" 'BEGIN {
      printf "  article page CPU with related Read next: %.2fx the same page with latest\n", r / l }'
  fi
}

export DATABASE_URL="sqlite:$work/bench.sqlite"
run_database "SQLite"

if [ "${POSTGRES:-1}" = "1" ]; then
  maintenance="$(scripts/start-postgres.sh)"
  psql "$maintenance" -qc "DROP DATABASE IF EXISTS masthead_discovery_bench" >/dev/null
  psql "$maintenance" -qc "CREATE DATABASE masthead_discovery_bench" >/dev/null
  export DATABASE_URL="${maintenance%/*}/masthead_discovery_bench?sslmode=disable"
  run_database "PostgreSQL"
fi
echo
echo "($connections connections, $duration per measurement; quote ratios, not absolute figures)"

#!/usr/bin/env bash
# Benchmarks/pages.sh — the home and article pages under wrk on loopback, against a release build of
# masthead serving a SQLite site with the demo edition plus ARTICLES generated stories.
#
# Prints, for each URL: requests/s, p50 and p99 latency, and the server's CPU time per request (from
# /proc, user + system). The baseline is the theme's stylesheet, a static file sent by the same server
# in the same run: quote the pages as ratios against it, since these machines are shared and noisy.
#
# Usage: Benchmarks/pages.sh            (ARTICLES=10000 CONNECTIONS=32 DURATION=15s PORT=8099)
set -euo pipefail
cd "$(dirname "$0")/.."

articles="${ARTICLES:-10000}"
connections="${CONNECTIONS:-32}"
duration="${DURATION:-15s}"
port="${PORT:-8099}"

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

echo "building masthead (release)…"
swift build -c release --product masthead >/dev/null
bin="$(swift build -c release --show-bin-path)/masthead"

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export DATABASE_URL="sqlite:$work/bench.sqlite"
echo "loading the demo edition and $articles generated stories…"
load_start=$(date +%s)
"$bin" demo --generated "$articles" >/dev/null
echo "loaded in $(( $(date +%s) - load_start )) s"

"$bin" serve --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  sleep 0.1
done

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }

printf '\n%-24s %12s %10s %10s %16s\n' "page" "requests/s" "p50" "p99" "server CPU/req"
declare -A cpu_per_request
for entry in "stylesheet (baseline)|/assets/masthead.css" "home|/" \
  "article|/articles/us-envoy-says-ukraine-nato-membership-still-possible" \
  "topic|/topics/us-tariffs"; do
  name="${entry%%|*}"
  path="${entry#*|}"
  url="http://127.0.0.1:$port$path"
  wrk -t2 -c"$connections" -d2s "$url" >/dev/null  # warm up
  before=$(cpu_ticks)
  out="$(wrk -t2 -c"$connections" -d"$duration" --latency "$url")"
  after=$(cpu_ticks)
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  errors=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
  cpu_ms=$(awk -v t="$((after - before))" -v hz="$ticks" -v n="$requests" 'BEGIN { printf "%.3f", t / hz * 1000 / n }')
  cpu_per_request[$name]=$cpu_ms
  printf '%-24s %12s %10s %10s %13s ms%s\n' "$name" "$rps" "$p50" "$p99" "$cpu_ms" \
    "${errors:+  ($errors non-2xx)}"
done

base=${cpu_per_request["stylesheet (baseline)"]}
echo
for name in home article topic; do
  awk -v n="$name" -v c="${cpu_per_request[$name]}" -v b="$base" \
    'BEGIN { printf "%-8s costs %.1fx the stylesheet in server CPU per request\n", n, c / b }'
done
echo "($articles generated stories + 6 demo stories, $connections connections, $duration per page)"

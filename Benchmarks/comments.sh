#!/usr/bin/env bash
# Benchmarks/comments.sh — readers' comments under load: Masthead against isso (PyPI `isso`, a
# self-hosted comment server) in the same run, one after the other on loopback, each on SQLite.
#
# Prints, for each server:
#   - comments accepted per second, from CONNECTIONS connections (32) posting to one article, every
#     comment from its own reader address (X-Forwarded-For), name and text; accepted = answered 2xx or
#     303 (Masthead's form redirects with 303, isso's API answers 201);
#   - the server's CPU time (user + system, from /proc) per accepted comment;
#   - a 2,000-comment thread (posted beforehand through the same way in, by comments/seed.py) read
#     under load: Masthead's article page, isso's comment list (`GET /?uri=...`, the JSON its widget
#     renders): requests/s and server CPU per request, timed until the server has finished the
#     requests still in flight when wrk stops (isso's list takes ~0.4 s of CPU, so up to 32 are);
#   - nothing lost: the comments acknowledged (seeding, warm-up and measured runs, counted in wrk's
#     Lua and by the seeder) against the rows in the database, counted after the server is killed
#     with SIGKILL. FAILS (exit 1) when there are fewer rows than acknowledgements.
# and the ratios Masthead / isso. Masthead posts through its HTML form (CSRF cookie and field from one
# page load, the site's own Origin) with MASTHEAD_CLIENT_IP_HEADER=X-Forwarded-For, so its per-reader
# rate limit sees a new reader each time. isso runs its own server (`isso run`: Werkzeug, a thread per
# connection, which closes every connection after one response), its guard (rate limit) off, moderation
# off, as shipped otherwise. Durability differs: Masthead's SQLite is WAL with synchronous=NORMAL (an
# acknowledged comment survives the process crashing, not a power cut), isso's is a rollback journal
# with synchronous=FULL (an fsync per comment).
#
# Usage: Benchmarks/comments.sh
#   (DURATION=20s CONNECTIONS=32 PORT=8097 ISSO_PORT=8096; MASTHEAD_BIN=path skips the release build;
#    isso 0.14.0 is installed once into ${XDG_CACHE_HOME:-~/.cache}/masthead-bench/isso-venv)
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-20s}"
connections="${CONNECTIONS:-32}"
port="${PORT:-8097}"
isso_port="${ISSO_PORT:-8096}"
isso_version=0.14.0
thread=2000
post_slug=us-envoy-says-ukraine-nato-membership-still-possible
page_slug=trump-orders-plan-for-reciprocal-tariffs
here=Benchmarks/comments

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null
fi

if [ -n "${MASTHEAD_BIN:-}" ]; then
  bin="$MASTHEAD_BIN"
  [ -x "$bin" ] || { echo "MASTHEAD_BIN=$bin is not an executable" >&2; exit 1; }
else
  echo "building masthead (release)…"
  swift build -c release --product masthead >/dev/null
  bin="$(swift build -c release --show-bin-path)/masthead"
fi

venv="${XDG_CACHE_HOME:-$HOME/.cache}/masthead-bench/isso-venv"
if [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("isso"))' 2>/dev/null)" != "$isso_version" ]; then
  echo "installing isso $isso_version into $venv…"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q "isso==$isso_version"
fi

work="$(mktemp -d)"
server=""
stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  server=""
}
# What a crash leaves: the server gets no chance to flush anything.
kill_server() {
  if [ -n "$server" ]; then kill -KILL "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  server=""
}
trap 'stop_server; rm -rf "$work"' EXIT

# port_free PORT: refuse to start a server on a port something else answers on.
port_free() {
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/" 2>/dev/null)" != "000" ]; then
    echo "port $1 is already in use (set PORT / ISSO_PORT)" >&2
    exit 1
  fi
}

# wait_for URL LOG: until the server answers anything at URL.
wait_for() {
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" != "000" ] && return
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  echo "the server did not start:" >&2
  cat "$2" >&2
  exit 1
}

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }

# post_run SYSTEM URL OCTET DURATION [TOKEN] [wrk -H options…]: one wrk run posting comments; sets
# $acked, $rate (acknowledged per second), $cpu (ms of server CPU per acknowledged comment), $refused.
post_run() {
  local system="$1" url="$2" octet="$3" length="$4" token="$5" out before after requests rps
  shift 5
  wait_idle
  before=$(cpu_ticks)
  out="$(wrk -t2 -c"$connections" -d"$length" --timeout 10s -s "$here/post.lua" "$@" "$url" -- "$system" "$octet" "$token")"
  after=$(cpu_ticks)
  acked=$(echo "$out" | awk '$1 == "acknowledged" { print $2 }')
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  refused=$(echo "$out" | awk '$1 == "refused" { printf "%s%s x%s", sep, $2, $3; sep = ", " }
    /Socket errors/ { sub(/^ +/, ""); printf "%s%s", sep, $0; sep = ", " }')
  rate=$(awk -v r="$rps" -v a="$acked" -v n="$requests" 'BEGIN { printf "%.1f", n ? r * a / n : 0 }')
  cpu=$(awk -v t="$((after - before))" -v hz="$ticks" -v a="$acked" 'BEGIN { printf "%.3f", a ? t / hz * 1000 / a : 0 }')
}

# wait_idle: until the server has used at most one clock tick of CPU in half a second (what it was
# still doing for requests wrk abandoned is done); sets $idle_at to when it went quiet (epoch seconds).
wait_idle() {
  local previous now
  previous=$(cpu_ticks)
  for _ in $(seq 1 600); do
    idle_at=$(date +%s.%N)
    sleep 0.5
    now=$(cpu_ticks)
    [ $((now - previous)) -le 1 ] && return
    previous=$now
  done
  echo "the server is still busy a few minutes after the load stopped" >&2
  exit 1
}

# page_run URL: warm-up, then one wrk run reading URL. A slow page (isso's 2,000-comment list takes
# ~0.4 s of one core) leaves up to CONNECTIONS requests in flight when wrk stops, which the server still
# works through; so the run is timed from its start until the server is idle again, and both requests/s
# and CPU per request count every request sent. Sets $page_rate, $page_cpu, $page_errors.
page_run() {
  local url="$1" out before after start started failed
  wrk -t2 -c"$connections" -d2s --timeout 60s "$url" >/dev/null
  wait_idle
  before=$(cpu_ticks)
  start=$(date +%s.%N)
  out="$(wrk -t2 -c"$connections" -d"$duration" --timeout 60s -s "$here/read.lua" "$url")"
  wait_idle
  after=$(cpu_ticks)
  started=$(echo "$out" | awk '$1 == "started" { print $2 }')
  failed=$(echo "$out" | awk '$1 == "failed" { print $2 }')
  page_rate=$(awk -v n="$started" -v a="$start" -v b="$idle_at" 'BEGIN { printf "%.1f", n / (b - a) }')
  page_cpu=$(awk -v t="$((after - before))" -v hz="$ticks" -v n="$started" 'BEGIN { printf "%.3f", t / hz * 1000 / n }')
  page_errors=$(echo "$out" | awk -v f="$failed" 'f > 0 { printf "%s not 200", f; f = 0 }
    /Socket errors/ { sub(/^ +/, ""); printf " %s", $0 }')
}

# ---- Masthead ----
echo "== masthead ($bin)"
export DATABASE_URL="sqlite:$work/masthead.sqlite"
export MASTHEAD_CLIENT_IP_HEADER=X-Forwarded-For
"$bin" demo >/dev/null 2>"$work/demo.log" || { cat "$work/demo.log" >&2; exit 1; }
port_free "$port"
"$bin" serve --port "$port" >"$work/masthead.log" 2>&1 &
server=$!
site="http://127.0.0.1:$port"
wait_for "$site/assets/masthead.css" "$work/masthead.log"

# The posts carry the site's own Origin, which is what a browser's form proves itself by; they also
# repeat a CSRF cookie and token, from a page with a per-reader form (the sign-in page), as a browser
# that sends no Origin would have to.
curl -fs -c "$work/cookies" -o "$work/sign-in.html" "$site/account/sign-in"
token=$(awk '$6 == "masthead_csrf" { print $7 }' "$work/cookies")
grep -q "name=\"csrf_token\" value=\"$token\"" "$work/sign-in.html" || {
  echo "no CSRF token in the sign-in page's form" >&2; exit 1; }
form=(-H "Cookie: masthead_csrf=$token" -H "Origin: $site" -H "Content-Type: application/x-www-form-urlencoded")

echo "  posting $thread comments to /articles/$page_slug through the form…"
m_acked_total=$("$venv/bin/python" "$here/seed.py" masthead "$site/articles/$page_slug/comments" "$thread" 12 "$token")
published=$(sqlite3 "$work/masthead.sqlite" "SELECT count(*) FROM comments c JOIN articles a ON a.id = c.article_id
  WHERE a.slug = '$page_slug' AND c.status = 'published'")
if [ "$published" -lt "$thread" ]; then
  echo "  ($((thread - published)) of them were held for moderation; publishing them for the page measurement)"
  sqlite3 "$work/masthead.sqlite" "UPDATE comments SET status = 'published' WHERE article_id =
    (SELECT id FROM articles WHERE slug = '$page_slug')"
fi

echo "  posting comments to /articles/$post_slug: warm-up 2s, then $duration…"
post_run masthead "$site/articles/$post_slug/comments" 11 2s "$token" "${form[@]}"
m_acked_total=$((m_acked_total + acked))
post_run masthead "$site/articles/$post_slug/comments" 10 "$duration" "$token" "${form[@]}"
m_acked_total=$((m_acked_total + acked))
m_rate=$rate m_cpu=$cpu m_refused=$refused

echo "  reading /articles/$page_slug ($thread comments) for $duration…"
page_run "$site/articles/$page_slug"
m_page_rate=$page_rate m_page_cpu=$page_cpu m_page_errors=$page_errors
kill_server
m_rows=$(sqlite3 "$work/masthead.sqlite" "SELECT count(*) FROM comments")
unset DATABASE_URL MASTHEAD_CLIENT_IP_HEADER

# ---- isso ----
echo "== isso $isso_version (its own server, Werkzeug)"
isso_site="http://127.0.0.1:$isso_port"
cat >"$work/isso.cfg" <<EOF
[general]
dbpath = $work/isso.sqlite
host = $isso_site
[server]
listen = $isso_site
[moderation]
enabled = false
[guard]
enabled = false
EOF
port_free "$isso_port"
"$venv/bin/isso" -c "$work/isso.cfg" run >"$work/isso.log" 2>&1 &
server=$!
wait_for "$isso_site/?uri=/none" "$work/isso.log"
api=(-H "Origin: $isso_site" -H "Referer: $isso_site/bench-article" -H "Content-Type: application/json")

echo "  posting $thread comments to /bench-page through the API…"
i_acked_total=$("$venv/bin/python" "$here/seed.py" isso "$isso_site/new?uri=/bench-page" "$thread" 12)

echo "  posting comments to /bench-article: warm-up 2s, then $duration…"
post_run isso "$isso_site/new?uri=/bench-article" 11 2s "" "${api[@]}"
i_acked_total=$((i_acked_total + acked))
post_run isso "$isso_site/new?uri=/bench-article" 10 "$duration" "" "${api[@]}"
i_acked_total=$((i_acked_total + acked))
i_rate=$rate i_cpu=$cpu i_refused=$refused

echo "  reading /?uri=/bench-page ($thread comments) for $duration…"
page_run "$isso_site/?uri=/bench-page"
i_page_rate=$page_rate i_page_cpu=$page_cpu i_page_errors=$page_errors
kill_server
i_rows=$(sqlite3 "$work/isso.sqlite" "SELECT count(*) FROM comments")

# ---- figures ----
echo
printf '%-20s %12s %15s %12s %15s\n' "" "comments/s" "CPU/comment" "page req/s" "CPU/page"
printf '%-20s %12s %12s ms %12s %12s ms\n' masthead "$m_rate" "$m_cpu" "$m_page_rate" "$m_page_cpu"
printf '%-20s %12s %12s ms %12s %12s ms\n' isso "$i_rate" "$i_cpu" "$i_page_rate" "$i_page_cpu"
awk -v a="$m_rate" -v b="$i_rate" -v c="$m_cpu" -v d="$i_cpu" -v e="$m_page_rate" -v f="$i_page_rate" \
  -v g="$m_page_cpu" -v h="$i_page_cpu" 'function r(x, y) { return y > 0 ? sprintf("%.2fx", x / y) : "-" }
  BEGIN { printf "%-20s %12s %15s %12s %15s\n", "masthead / isso", r(a, b), r(c, d), r(e, f), r(g, h) }'
[ -n "$m_refused$m_page_errors" ] && echo "masthead refusals and errors: ${m_refused}${m_refused:+ }${m_page_errors}"
[ -n "$i_refused$i_page_errors" ] && echo "isso refusals and errors: ${i_refused}${i_refused:+ }${i_page_errors}"
echo "nothing lost: masthead $m_acked_total acknowledged, $m_rows stored; isso $i_acked_total acknowledged," \
  "$i_rows stored (rows counted after SIGKILL of the server; a few more rows than acknowledgements are" \
  "posts still in flight when wrk stopped)"
echo "($connections connections, $duration per measurement, one server at a time on $(nproc) cores;" \
  "CPU is the server process's user + system time)"

lost=0
if [ "$m_rows" -lt "$m_acked_total" ]; then
  echo "FAIL: masthead lost $((m_acked_total - m_rows)) acknowledged comments" >&2; lost=1
fi
if [ "$i_rows" -lt "$i_acked_total" ]; then
  echo "FAIL: isso lost $((i_acked_total - i_rows)) acknowledged comments" >&2; lost=1
fi
exit "$lost"

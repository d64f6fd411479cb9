#!/usr/bin/env bash
# Benchmarks/run.sh — the whole reading side in one run: Masthead serving a 100,000-story SQLite archive,
# with and without its in-process page cache, against nginx sending a saved copy of an article page; the
# same archive at 1,000 stories; and the same on PostgreSQL. One server at a time, on loopback, with wrk
# (CONNECTIONS connections, a WARMUP run first, then DURATION measured) on the same cores.
#
# Prints one table: for each server and URL, requests/s, p50 and p99 latency (wrk's, from a Lua `done`
# hook), and the server's CPU time per request (user + system from /proc/PID/stat before and after the
# run, nginx's master and worker summed, over the requests wrk completed), also as a multiple of nginx's.
# The URLs: an article page with 0 comments and one with 20 (two generated stories, alike but for the
# comments); the home page; the Content API's article list and one article (public, no key). Masthead
# runs twice over the same database, once as shipped (page cache on) and once with
# MASTHEAD_PAGE_CACHE_MB=0 (off); a binary that does not read that variable serves both runs uncached.
# On PostgreSQL the uncached article pages are measured once more with MASTHEAD_POSTGRES_PREPARED=0
# (every read through the driver's unnamed statements instead of PostgresReads' named ones), and the
# two compared. Then:
#   - cold start: from launching `masthead serve` to /readyz answering 200 (polled with curl every
#     10 ms), for every server started; the operating system's file cache is warm (the archive was just
#     written);
#   - resident memory (VmRSS) a second after start, and VmRSS and peak (VmHWM) after the load runs;
#   - archive size: the uncached 0-comment article's CPU/request and p99 at ARTICLES_SMALL stories and at
#     ARTICLES, and how far they move;
#   - how long each phase of this script took.
#
# The archive: `masthead demo --generated ARTICLES_SMALL` (the 1,000-story site measured on its own),
# then grown to ARTICLES by run/grow.py, which copies those generated stories with every row the demo
# gives a story (links, revision, discovery rows, search index) under the slugs, numbers and dates
# `demo --generated ARTICLES` would give them: about a minute for 100,000. `demo --generated` itself
# writes and indexes each story one at a time, slower as the archive grows (2,000 stories took 34 s,
# 10,000 131 s and 20,000 284 s here: 100,000 would take 25 minutes or more; SLOW_LOAD=1 uses it anyway).
# Twenty comments are posted to one article through the site's own form (comments/seed.py, each from its
# own reader address), then published (every guest's comment is held for moderation); the article page
# with them is saved with curl for nginx. PostgreSQL gets the same load (demo, then grow.py through
# psql) on a throwaway server started by scripts/start-postgres.sh in the temporary folder, fsync off.
#
# Usage: Benchmarks/run.sh
#   (ARTICLES=100000 ARTICLES_SMALL=1000 CONNECTIONS=32 DURATION=15s WARMUP=2s PORT=8094 NGINX_PORT=8093
#    PG_PORT=54339; MASTHEAD_BIN=path skips the release build; BENCH_POSTGRES=1 runs the PostgreSQL part,
#    0 skips it, unset runs it when /usr/lib/postgresql/*/bin/postgres exists; SLOW_LOAD=1 loads the big
#    archive with `masthead demo --generated ARTICLES` instead of grow.py. wrk, sqlite3 and nginx are
#    installed from Debian packages when missing; about 10 minutes at the defaults on 2 cores.)
set -euo pipefail
cd "$(dirname "$0")/.."

articles="${ARTICLES:-100000}"
articles_small="${ARTICLES_SMALL:-1000}"
connections="${CONNECTIONS:-32}"
duration="${DURATION:-15s}"
warmup="${WARMUP:-2s}"
port="${PORT:-8094}"
nginx_port="${NGINX_PORT:-8093}"
pg_port="${PG_PORT:-54339}"
here=Benchmarks/run
site="http://127.0.0.1:$port"
slug0=generated-story-1    # no comments
slug20=generated-story-2   # gets 20 comments
thread=20

[ "$articles_small" -ge 1 ] && [ "$articles" -ge "$articles_small" ] || {
  echo "ARTICLES ($articles) must be at least ARTICLES_SMALL ($articles_small), which must be at least 1" >&2
  exit 1
}

script_start=$(date +%s)
phase_start=$script_start
phases=()
# phase NAME: closes the phase that started when the previous one ended.
phase() {
  local now
  now=$(date +%s)
  phases+=("$(printf '  %-58s %5d s' "$1" $((now - phase_start)))")
  phase_start=$now
}

apt_install() {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v wrk >/dev/null 2>&1 || apt_install wrk
command -v sqlite3 >/dev/null 2>&1 || apt_install sqlite3
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || apt_install nginx
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

if [ -n "${MASTHEAD_BIN:-}" ]; then
  bin="$MASTHEAD_BIN"
  [ -x "$bin" ] || { echo "MASTHEAD_BIN=$bin is not an executable" >&2; exit 1; }
else
  echo "building masthead (release)…"
  swift build -c release --product masthead >/dev/null
  bin="$(swift build -c release --show-bin-path)/masthead"
fi
phase "tools and build"

case "${BENCH_POSTGRES:-}" in
  1) bench_postgres=1 ;;
  0) bench_postgres=0 ;;
  *) if ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then bench_postgres=1; else bench_postgres=0; fi ;;
esac

work="$(mktemp -d)"
chmod 755 "$work"  # nginx's worker (nobody) and PostgreSQL (postgres) read and write below it
server=""
nginx=""
pg_data=""
pg_bin=""
stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  server=""
}
stop_nginx() {
  if [ -n "$nginx" ]; then kill -QUIT "$nginx" 2>/dev/null || true; wait "$nginx" 2>/dev/null || true; fi
  nginx=""
}
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
stop_postgres() {
  if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
    pg_bin="${pg_bin:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}"
    as_postgres "'$pg_bin/pg_ctl' -D '$pg_data' -m immediate -w stop" >/dev/null 2>&1 || true
  fi
  pg_data=""
}
trap 'stop_server; stop_nginx; stop_postgres; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

port_free() {
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/" 2>/dev/null)" != "000" ]; then
    echo "port $1 is already in use (set PORT / NGINX_PORT)" >&2
    exit 1
  fi
}

ticks=$(getconf CLK_TCK)
# cpu_ticks PID…: user + system clock ticks of these processes (fields 14 and 15 of /proc/PID/stat,
# counted after the command name, which may hold spaces).
cpu_ticks() {
  local total=0 pid stat rest
  for pid in "$@"; do
    stat=$(cat "/proc/$pid/stat")
    rest=${stat##*) }
    total=$((total + $(echo "$rest" | awk '{ print $12 + $13 }')))
  done
  echo "$total"
}
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }

# ---- results ----
rows=()             # the table, in order
declare -A cpu_us   # "group|label" -> CPU µs per request
declare -A p99_ms
nginx_cpu=""
starts=()           # cold start lines
memory=()           # memory lines

# measure GROUP LABEL URL PID…: a warm-up, then one measured wrk run; adds a row to the table.
measure() {
  local group="$1" label="$2" url="$3" before after out line requests duration_us p50 p99 non2xx socket cpu rps note
  shift 3
  curl -fs -o /dev/null "$url" || { echo "$url does not answer 200" >&2; exit 1; }
  wrk -t2 -c"$connections" -d"$warmup" "$url" >/dev/null
  before=$(cpu_ticks "$@")
  out="$(wrk -t2 -c"$connections" -d"$duration" -s "$here/stats.lua" "$url")"
  after=$(cpu_ticks "$@")
  line=$(echo "$out" | grep '^result ') || { echo "wrk printed no result for $url:" >&2; echo "$out" >&2; exit 1; }
  read -r requests duration_us p50 p99 non2xx socket <<<"$(echo "$line" | sed 's/^result //; s/[a-z0-9_]*=//g')"
  rps=$(awk -v n="$requests" -v d="$duration_us" 'BEGIN { printf "%.0f", n / (d / 1e6) }')
  cpu=$(awk -v t="$((after - before))" -v hz="$ticks" -v n="$requests" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
  cpu_us["$group|$label"]=$cpu
  p99_ms["$group|$label"]=$(awk -v u="$p99" 'BEGIN { printf "%.2f", u / 1000 }')
  [ -z "$nginx_cpu" ] && nginx_cpu=$cpu
  note=""
  [ "$non2xx" -gt 0 ] && note+="  ($non2xx not 2xx/3xx)"
  [ "$socket" -gt 0 ] && note+="  ($socket socket errors)"
  rows+=("$(awk -v l="$label" -v r="$rps" -v a="$p50" -v b="$p99" -v c="$cpu" -v n="$nginx_cpu" -v x="$note" \
    'BEGIN { printf "  %-34s %10s %9.2f ms %9.2f ms %11.1f µs %8s%s", l, r, a / 1000, b / 1000, c,
      (n > 0 ? sprintf("%7.1f×", c / n) : "      - "), x }')")
  printf '    %-34s %8s req/s  p99 %s ms  %s µs CPU/req\n' "$label" "$rps" "${p99_ms["$group|$label"]}" "$cpu"
}

# start_masthead NAME ENV=VALUE…: launches `masthead serve` with these variables and waits for /readyz;
# records the cold start and the resident memory a second later under NAME.
start_masthead() {
  local name="$1" t0 t1 rss
  shift
  port_free "$port"
  t0=$(date +%s%N)
  env "$@" "$bin" serve --port "$port" >"$work/$name.log" 2>&1 &
  server=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$site/readyz" 2>/dev/null)" = 200 ]; do
    if ! kill -0 "$server" 2>/dev/null || [ $(($(date +%s%N) - t0)) -gt 120000000000 ]; then
      echo "masthead did not become ready:" >&2; cat "$work/$name.log" >&2; exit 1
    fi
    sleep 0.01
  done
  t1=$(date +%s%N)
  sleep 1
  rss=$(status_kb "$server" VmRSS)
  starts+=("$(printf '  %-44s %6d ms' "$name" $(((t1 - t0) / 1000000)))")
  memory+=("$(printf '  %-44s %8s' "$name" "$(mb "$rss")")")
}

# end_masthead: resident memory after the load, then stops the server.
end_masthead() {
  local last=$((${#memory[@]} - 1))
  memory[$last]+="$(printf ' %12s %8s' "$(mb "$(status_kb "$server" VmRSS)")" \
    "$(mb "$(status_kb "$server" VmHWM)")")"
  stop_server
}

# masthead_runs NAME ENV…: the cached and the uncached run over one database (ENV selects it).
masthead_runs() {
  local name="$1" mode group
  shift
  for mode in on off; do
    group="masthead, $name, page cache $mode"
    [ "$mode" = off ] && group+=" (MASTHEAD_PAGE_CACHE_MB=0)" || group+=" (default)"
    echo "  $group"
    if [ "$mode" = on ]; then
      start_masthead "$name, cache on" "$@"
    else
      start_masthead "$name, cache off" "$@" MASTHEAD_PAGE_CACHE_MB=0
    fi
    rows+=("$group")
    measure "$group" "article, 0 comments" "$site/articles/$slug0" "$server"
    measure "$group" "article, $thread comments" "$site/articles/$slug20" "$server"
    measure "$group" "home" "$site/" "$server"
    measure "$group" "API: article list" "$site/api/v1/articles" "$server"
    measure "$group" "API: one article" "$site/api/v1/articles/$slug0" "$server"
    end_masthead
  done
}

# prepare NAME ENV…: server runs before the measurements: checks that generated and copied stories
# render, posts the comments through the form, publishes those held for moderation (every guest's
# comment is held) with the server stopped, as a moderator's approval would (status, reason, the
# story's comment_count), then checks the page shows them all. Leaves the page in $work/page20.html.
prepare() {
  local name="$1" token page count oldest held
  shift
  launch() {
    port_free "$port"
    env "$@" MASTHEAD_CLIENT_IP_HEADER=X-Forwarded-For "$bin" serve --port "$port" >>"$work/$name.log" 2>&1 &
    server=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$site/readyz" 2>/dev/null)" = 200 ]; do
      kill -0 "$server" 2>/dev/null || { echo "masthead did not start:" >&2; cat "$work/$name.log" >&2; exit 1; }
      sleep 0.05
    done
  }
  launch "$@"
  oldest=generated-story-$articles
  for page in "/articles/$slug0" "/articles/$slug20" "/articles/$oldest" "/" "/search?q=Reuters" \
    "/api/v1/articles" "/api/v1/articles/$oldest"; do
    curl -fs -o "$work/check.html" "$site$page" || { echo "$name: $page does not answer 200" >&2; exit 1; }
  done
  grep -q "($articles)" "$work/check.html" || { echo "$name: the API lacks the oldest story's headline" >&2; exit 1; }
  curl -fs -o "$work/check.html" "$site/articles/$oldest"
  grep -q "($articles)</h1>" "$work/check.html" || { echo "$name: /articles/$oldest lacks its headline" >&2; exit 1; }

  curl -fs -c "$work/cookies" -o "$work/form.html" "$site/account/sign-in"
  token=$(awk '$6 == "masthead_csrf" { print $7 }' "$work/cookies")
  [ -n "$token" ] || { echo "$name: no CSRF cookie from the sign-in page" >&2; exit 1; }
  python3 Benchmarks/comments/seed.py masthead "$site/articles/$slug20/comments" "$thread" 12 "$token" >/dev/null
  stop_server
  held=$(database_query "SELECT COUNT(*) FROM comments WHERE status <> 'published' AND article_id =
    (SELECT id FROM articles WHERE slug = '$slug20')")
  database_query "UPDATE comments SET status = 'published', reason = NULL WHERE article_id =
      (SELECT id FROM articles WHERE slug = '$slug20');
    UPDATE articles SET comment_count = (SELECT COUNT(*) FROM comments WHERE comments.article_id = articles.id
      AND comments.status = 'published') WHERE slug = '$slug20';" >/dev/null
  echo "  $thread comments posted through the form; $held were held for moderation and are now published"
  launch "$@"
  curl -fs -o "$work/page20.html" "$site/articles/$slug20"
  count=$(grep -o "Comment 12-[0-9]* in a long thread" "$work/page20.html" | sort -u | wc -l) || true
  [ "$count" -eq "$thread" ] || { echo "$name: the article shows $count of $thread comments" >&2; exit 1; }
  stop_server
}

# database_query SQL: on the database being prepared (PostgreSQL once $pg_url is set).
database_query() {
  if [ -n "$pg_url" ]; then psql "$pg_url" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; else sqlite3 "$work/big.sqlite" "$1"; fi
}
pg_url=""

echo "masthead: $bin"
if ! grep -qa MASTHEAD_PAGE_CACHE_MB "$bin"; then
  cache_note="the binary does not mention MASTHEAD_PAGE_CACHE_MB: if it has no page cache, both runs are uncached"
  echo "($cache_note)"
else
  cache_note=""
fi

# ---- the archives ----
echo "== loading the demo edition and $articles_small generated stories (SQLite)…"
DATABASE_URL="sqlite:$work/small.sqlite" "$bin" demo --generated "$articles_small" >/dev/null 2>"$work/demo.log" \
  || { cat "$work/demo.log" >&2; exit 1; }
phase "load $articles_small stories (masthead demo --generated, SQLite)"
if [ "${SLOW_LOAD:-0}" = 1 ]; then
  echo "== loading the demo edition and $articles generated stories with masthead demo (SLOW_LOAD=1)…"
  DATABASE_URL="sqlite:$work/big.sqlite" "$bin" demo --generated "$articles" >/dev/null 2>"$work/demo.log" \
    || { cat "$work/demo.log" >&2; exit 1; }
  phase "load $articles stories (masthead demo --generated, SQLite)"
else
  echo "== growing a copy to $articles generated stories (run/grow.py)…"
  sqlite3 "$work/small.sqlite" ".backup '$work/big.sqlite'"
  echo "  $(python3 "$here/grow.py" "sqlite:$work/big.sqlite" "$articles")"
  phase "grow to $articles stories (grow.py, SQLite)"
fi
echo "  $(du -m "$work/big.sqlite" | cut -f1) MB"

echo "== checking pages and posting $thread comments to /articles/$slug20…"
prepare "SQLite setup" DATABASE_URL="sqlite:$work/big.sqlite"
phase "check pages, post $thread comments"

# ---- nginx ----
echo "== nginx: a saved copy of /articles/$slug20 ($(wc -c <"$work/page20.html") bytes)"
mkdir -p "$work/nginx/www"
cp "$work/page20.html" "$work/nginx/www/article.html"
chmod -R a+rX "$work/nginx/www"
sed -e "s|@PREFIX@|$work/nginx|g" -e "s|@ROOT@|$work/nginx/www|g" -e "s|@PORT@|$nginx_port|g" \
  "$here/nginx.conf" >"$work/nginx/nginx.conf"
port_free "$nginx_port"
"$nginx_bin" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" &
nginx=$!
for _ in $(seq 1 200); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$nginx_port/article.html")" = 200 ] && break
  kill -0 "$nginx" 2>/dev/null || { echo "nginx did not start:" >&2; cat "$work/nginx/error.log" >&2; exit 1; }
  sleep 0.05
done
nginx_workers=$(pgrep -P "$nginx" | tr '\n' ' ')
rows+=("nginx $("$nginx_bin" -v 2>&1 | sed 's|.*/||'), 1 worker, sendfile")
# shellcheck disable=SC2086
measure nginx "static copy of the $thread-comment page" "http://127.0.0.1:$nginx_port/article.html" "$nginx" $nginx_workers
stop_nginx
phase "nginx"

# ---- Masthead on SQLite ----
big_stories=$((articles + 6))
small_stories=$((articles_small + 6))
echo "== masthead, SQLite, $big_stories stories"
masthead_runs "SQLite, $big_stories stories" DATABASE_URL="sqlite:$work/big.sqlite"
phase "masthead on SQLite, $big_stories stories (cache on, off)"

echo "== masthead, SQLite, $small_stories stories"
small_group="masthead, SQLite, $small_stories stories, page cache off"
start_masthead "SQLite, $small_stories stories, cache off" DATABASE_URL="sqlite:$work/small.sqlite" MASTHEAD_PAGE_CACHE_MB=0
rows+=("$small_group")
measure "$small_group" "article, 0 comments" "$site/articles/$slug0" "$server"
end_masthead
phase "masthead on SQLite, $small_stories stories (cache off)"

# ---- PostgreSQL ----
if [ "$bench_postgres" = 1 ]; then
  echo "== PostgreSQL: a throwaway server (scripts/start-postgres.sh, port $pg_port)"
  pg_data="$work/pg/data"
  mkdir -p "$work/pg"
  maintenance=$(MASTHEAD_PG_PORT="$pg_port" MASTHEAD_PG_DATA="$pg_data" scripts/start-postgres.sh 2>"$work/pg-start.log") \
    || { cat "$work/pg-start.log" >&2; exit 1; }
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  export PATH="$PATH:$pg_bin"
  psql "$maintenance" -X -q -c "CREATE DATABASE masthead_bench" >/dev/null
  pg_url="${maintenance/\/postgres\?//masthead_bench?}"
  echo "  $("$pg_bin/postgres" --version)"
  echo "== loading the demo edition and $articles_small generated stories (PostgreSQL)…"
  DATABASE_URL="$pg_url" "$bin" demo --generated "$articles_small" >/dev/null 2>"$work/demo.log" \
    || { cat "$work/demo.log" >&2; exit 1; }
  phase "load $articles_small stories (masthead demo --generated, PostgreSQL)"
  echo "== growing it to $articles generated stories (run/grow.py through psql)…"
  echo "  $(python3 "$here/grow.py" "$pg_url" "$articles")"
  phase "grow to $articles stories (grow.py, PostgreSQL)"
  echo "== checking pages and posting $thread comments to /articles/$slug20…"
  prepare "PostgreSQL setup" DATABASE_URL="$pg_url"
  phase "check pages, post $thread comments (PostgreSQL)"
  echo "== masthead, PostgreSQL, $big_stories stories"
  masthead_runs "PostgreSQL, $big_stories stories" DATABASE_URL="$pg_url"
  phase "masthead on PostgreSQL, $big_stories stories (cache on, off)"
  echo "== masthead, PostgreSQL, $big_stories stories, every read through the driver's unnamed statements"
  unnamed_group="masthead, PostgreSQL, $big_stories stories, page cache off, MASTHEAD_POSTGRES_PREPARED=0"
  start_masthead "PostgreSQL, cache off, unnamed statements" DATABASE_URL="$pg_url" MASTHEAD_PAGE_CACHE_MB=0 \
    MASTHEAD_POSTGRES_PREPARED=0
  rows+=("$unnamed_group")
  measure "$unnamed_group" "article, 0 comments" "$site/articles/$slug0" "$server"
  measure "$unnamed_group" "article, $thread comments" "$site/articles/$slug20" "$server"
  end_masthead
  phase "masthead on PostgreSQL, $big_stories stories (cache off, unnamed statements)"
  stop_postgres
else
  pg_skipped="PostgreSQL skipped: no /usr/lib/postgresql/*/bin/postgres (BENCH_POSTGRES=1 installs and runs it)"
  [ "${BENCH_POSTGRES:-}" = 0 ] && pg_skipped="PostgreSQL skipped: BENCH_POSTGRES=0"
  echo "== $pg_skipped"
fi

# ---- figures ----
echo
echo "== $connections connections, $warmup warm-up then $duration per URL; one server at a time on $(nproc) cores" \
  "shared with wrk; CPU is the server's user + system time per request"
printf '  %-34s %10s %12s %12s %14s %9s\n' "" "requests/s" "p50" "p99" "CPU/request" "× nginx"
printf '%s\n' "${rows[@]}"
[ -n "$cache_note" ] && echo "  ($cache_note)"
[ "$bench_postgres" = 1 ] || echo "  ($pg_skipped)"

echo
echo "== cold start: launch of masthead serve until /readyz answers 200"
printf '%s\n' "${starts[@]}"
echo
echo "== resident memory of masthead serve (VmRSS a second after /readyz answered, VmRSS after the load runs, peak VmHWM)"
printf '  %-44s %8s %12s %8s\n' "" "idle" "after load" "peak"
printf '%s\n' "${memory[@]}"

echo
echo "== archive size: the article page with 0 comments, page cache off"
big_key="masthead, SQLite, $big_stories stories, page cache off (MASTHEAD_PAGE_CACHE_MB=0)|article, 0 comments"
small_key="$small_group|article, 0 comments"
awk -v sc="${cpu_us[$small_key]}" -v bc="${cpu_us[$big_key]}" -v sp="${p99_ms[$small_key]}" -v bp="${p99_ms[$big_key]}" \
  -v s="$small_stories" -v b="$big_stories" 'BEGIN {
    printf "  CPU/request %8.1f µs at %d stories, %8.1f µs at %d: %+.0f%%\n", sc, s, bc, b, (bc / sc - 1) * 100
    printf "  p99         %8.2f ms at %d stories, %8.2f ms at %d: %+.0f%%\n", sp, s, bp, b, (bp / sp - 1) * 100
  }'

if [ "$bench_postgres" = 1 ]; then
  echo
  echo "== PostgreSQL, page cache off: named prepared statements (PostgresReads) against the driver's unnamed ones"
  pg_named="masthead, PostgreSQL, $big_stories stories, page cache off (MASTHEAD_PAGE_CACHE_MB=0)"
  for label in "article, 0 comments" "article, $thread comments"; do
    awk -v l="$label" -v n="${cpu_us[$pg_named|$label]}" -v u="${cpu_us[$unnamed_group|$label]}" 'BEGIN {
      printf "  %-22s %8.1f µs named, %8.1f µs unnamed: %.2f× the CPU\n", l, n, u, n / u }'
  done
fi

echo
echo "== time taken"
phase "figures"
printf '%s\n' "${phases[@]}"
printf '  %-58s %5d s\n' "total" $(($(date +%s) - script_start))

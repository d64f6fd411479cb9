#!/usr/bin/env bash
# Makes site.xml and uploads/ with a real WordPress: Debian's `wordpress` package is copied into a
# throwaway folder, installed into a throwaway MariaDB, filled through WordPress's own PHP API
# (populate.php) and exported by WordPress's own export_wp() (export.php), the code behind
# Tools → Export → All content. Nothing outside the throwaway folder is touched but site.xml and
# uploads/ beside this script.
#
# Needs (Debian 12): apt-get install --no-install-recommends wordpress php-cli php-mysql php-gd \
#   php-mbstring php-xml mariadb-server
# Usage: Tests/ImportFixtures/wordpress/make-export.sh   (KEEP=1 keeps the throwaway folder)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for tool in php mariadb-install-db mariadbd mariadb-admin; do
  command -v "$tool" >/dev/null || { echo "missing $tool: see the apt-get line at the top" >&2; exit 1; }
done
[ -f /usr/share/wordpress/wp-load.php ] || { echo "missing Debian's wordpress package" >&2; exit 1; }

work=$(mktemp -d /tmp/masthead-wp.XXXXXX)
db_pid=""
cleanup() {
  if [ -n "$db_pid" ]; then
    mariadb-admin --no-defaults --socket="$work/mysql.sock" -uroot shutdown 2>/dev/null || kill "$db_pid" 2>/dev/null || true
    wait "$db_pid" 2>/dev/null || true
  fi
  [ "${KEEP:-0}" = 1 ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

# A private MariaDB on a socket only: no port, no system service, gone with the folder.
mariadb-install-db --no-defaults --datadir="$work/db" --user="$(id -un)" --auth-root-authentication-method=normal \
  --skip-test-db >"$work/db-install.log" 2>&1
mariadbd --no-defaults --datadir="$work/db" --socket="$work/mysql.sock" --skip-networking \
  --user="$(id -un)" --pid-file="$work/mysql.pid" --log-error="$work/mysql.err" &
db_pid=$!
for _ in $(seq 1 100); do
  mariadb-admin --no-defaults --socket="$work/mysql.sock" -uroot ping >/dev/null 2>&1 && break
  sleep 0.2
done
mariadb --no-defaults --socket="$work/mysql.sock" -uroot \
  -e "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# WordPress itself, as Debian ships it, with our own wp-config.php instead of Debian's
# host-based one (which reads /etc/wordpress).
cp -a /usr/share/wordpress "$work/wp"
rm "$work/wp/wp-config.php"
cp "$here/wp-config.php" "$work/wp/wp-config.php"
export MASTHEAD_WP_SOCKET="$work/mysql.sock"

php "$here/populate.php" "$work/wp"
php "$here/export.php" "$work/wp" "$here/site.xml"

rm -rf "$here/uploads"
cp -a "$work/wp/wp-content/uploads" "$here/uploads"
echo "wrote $here/site.xml ($(wc -c <"$here/site.xml") bytes) and $here/uploads" >&2

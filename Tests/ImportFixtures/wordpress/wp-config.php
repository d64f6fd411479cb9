<?php
// The throwaway site's configuration (copied over Debian's host-based wp-config.php by
// make-export.sh). Fixed keys and salts: nothing here protects anything, and fixed values keep
// the export the same from run to run.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:' . getenv( 'MASTHEAD_WP_SOCKET' ) );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'WP_HOME', 'https://news.example.org' );
define( 'WP_SITEURL', 'https://news.example.org' );
define( 'WP_CONTENT_DIR', __DIR__ . '/wp-content' );
define( 'WP_CONTENT_URL', 'https://news.example.org/wp-content' );
define( 'AUTH_KEY', 'fixture' );
define( 'SECURE_AUTH_KEY', 'fixture' );
define( 'LOGGED_IN_KEY', 'fixture' );
define( 'NONCE_KEY', 'fixture' );
define( 'AUTH_SALT', 'fixture' );
define( 'SECURE_AUTH_SALT', 'fixture' );
define( 'LOGGED_IN_SALT', 'fixture' );
define( 'NONCE_SALT', 'fixture' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';

<?php
// Writes the throwaway site's WXR with WordPress's own exporter: export_wp() from
// wp-admin/includes/export.php with 'content' => 'all', exactly what Tools → Export → All content
// runs. $argv[1] is the site, $argv[2] the file to write.
$_SERVER['HTTP_HOST']   = 'news.example.org';
$_SERVER['SERVER_NAME'] = 'news.example.org';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
wp_set_current_user( 1 );
ob_start();
export_wp( array( 'content' => 'all' ) );
file_put_contents( $argv[2], ob_get_clean() );

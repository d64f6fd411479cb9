<?php
// Installs WordPress into the throwaway site given as $argv[1] and fills it through WordPress's own
// API, so every row is what WordPress itself would have written. Run by make-export.sh.
// Every date is fixed (the site's clock is Europe/Berlin, so local and GMT times differ), and the
// API functions that stamp "now" are corrected afterwards, so two runs export the same posts.

$_SERVER['HTTP_HOST']   = 'news.example.org';
$_SERVER['SERVER_NAME'] = 'news.example.org';
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
// No mail leaves the throwaway site (wp_mail is pluggable: defined first, WordPress keeps ours).
function wp_mail() {
	return true;
}
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

function must( $result, $what ) {
	if ( is_wp_error( $result ) || ! $result ) {
		fwrite( STDERR, "populate: $what failed: " . ( is_wp_error( $result ) ? $result->get_error_message() : 'no id' ) . "\n" );
		exit( 1 );
	}
	return $result;
}

$install = wp_install( 'Harbour Gazette', 'editor', 'desk@news.example.org', true, '', 'fixture-password', 'en_US' );
$admin   = $install['user_id'];
wp_set_current_user( $admin );
// An administrator may post unfiltered HTML (a raw <script> in an HTML block), as in the editor.
kses_remove_filters();

update_option( 'blogdescription', 'News from the quay & beyond' );
update_option( 'timezone_string', 'Europe/Berlin' );
update_option( 'gmt_offset', '' );
update_option( 'default_pingback_flag', 0 );
update_option( 'ping_sites', '' );
update_option( 'thread_comments', 1 );
update_option( 'thread_comments_depth', 5 );
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%year%/%monthnum%/%day%/%postname%/' );

// The install's sample post, sample page and draft privacy page (and the sample comment) go, so
// the export holds only what is listed in PROVENANCE.md.
foreach ( array( 1, 2, 3 ) as $sample ) {
	wp_delete_post( $sample, true );
}
wp_update_user( wp_slash( array( 'ID' => $admin, 'display_name' => 'Harbour Gazette Desk', 'first_name' => 'Desk', 'nickname' => 'desk' ) ) );

// Modification times: WordPress stamps "now"; a fixed two hours after the post's date instead.
$fixed_modification = function ( $data ) {
	$modified                  = date( 'Y-m-d H:i:s', strtotime( $data['post_date'] ) + 7200 );
	$data['post_modified']     = $modified;
	$data['post_modified_gmt'] = get_gmt_from_date( $modified );
	return $data;
};
add_filter( 'wp_insert_post_data', $fixed_modification );
add_filter( 'wp_insert_attachment_data', $fixed_modification );

function user( $login, $display, $first, $last, $role ) {
	return must(
		wp_insert_user(
			wp_slash(
				array(
					'user_login'   => $login,
					'user_pass'    => 'fixture-password',
					'user_email'   => "$login@news.example.org",
					'display_name' => $display,
					'first_name'   => $first,
					'last_name'    => $last,
					'nickname'     => $login,
					'role'         => $role,
				)
			)
		),
		"user $login"
	);
}
$zoe      = user( 'zoe', 'Zoë Brontë', 'Zoë', 'Brontë', 'author' );
$jose     = user( 'jose', 'José Saramago', 'José', 'Saramago', 'author' );
$lukasz   = user( 'lukasz', 'Łukasz Żółć', 'Łukasz', 'Żółć', 'editor' );
$siobhan  = user( 'siobhan', "Siobhán O'Brien", 'Siobhán', "O'Brien", 'author' );
$unused   = user( 'intern', 'Summer Intern', 'Summer', 'Intern', 'contributor' );

function term( $name, $taxonomy, $args = array() ) {
	$term = must( wp_insert_term( wp_slash( $name ), $taxonomy, wp_slash( $args ) ), "term $name" );
	return $term['term_id'];
}
$news    = term( 'News', 'category', array( 'slug' => 'news', 'description' => 'Everything that happened' ) );
$world   = term( 'World', 'category', array( 'slug' => 'world', 'parent' => $news ) );
$europe  = term( 'Europe', 'category', array( 'slug' => 'europe', 'parent' => $world ) );
$local   = term( 'Local', 'category', array( 'slug' => 'local', 'parent' => $news ) );
$arts    = term( 'Arts & Culture', 'category', array( 'slug' => 'arts-culture', 'description' => 'Theatre, music & books' ) );
$science = term( 'Science', 'category', array( 'slug' => 'science' ) );
$sport   = term( 'Sport', 'category', array( 'slug' => 'sport' ) );
foreach ( array( 'harbour', 'climate', 'elections', 'tides', 'archive' ) as $tag ) {
	term( $tag, 'post_tag' );
}
term( 'Q&A', 'post_tag', array( 'slug' => 'qa' ) );
term( 'Café society', 'post_tag' );

function post( $args ) {
	$defaults = array( 'post_type' => 'post', 'post_status' => 'publish', 'comment_status' => 'open', 'ping_status' => 'open' );
	return must( wp_insert_post( wp_slash( array_merge( $defaults, $args ) ), true ), 'post ' . $args['post_title'] );
}

// The featured image: a small real JPEG made here, stored where WordPress keeps uploads, with the
// sizes WordPress makes of it (thumbnail, medium).
$upload = wp_upload_dir( '2024/04' );
wp_mkdir_p( $upload['path'] );
$file  = $upload['path'] . '/harbour-at-dawn.jpg';
$image = imagecreatetruecolor( 640, 427 );
for ( $y = 0; $y < 427; $y++ ) {
	$sea = $y > 260;
	$c   = $sea ? imagecolorallocate( $image, 20, 60 + ( $y - 260 ) / 4, 110 ) : imagecolorallocate( $image, 250 - $y / 3, 170 - $y / 4, 120 + $y / 5 );
	imageline( $image, 0, $y, 639, $y, $c );
}
imagefilledrectangle( $image, 250, 230, 400, 262, imagecolorallocate( $image, 180, 40, 30 ) );
imagefilledrectangle( $image, 320, 150, 326, 230, imagecolorallocate( $image, 40, 30, 30 ) );
imagejpeg( $image, $file, 80 );
$photo = must(
	wp_insert_attachment(
		wp_slash(
			array(
				'post_title'     => 'Harbour at dawn',
				'post_content'   => 'The quay on the morning it reopened.',
				'post_excerpt'   => 'Boats back at the quay. Photo: Zoë Brontë',
				'post_mime_type' => 'image/jpeg',
				'post_status'    => 'inherit',
				'post_author'    => $zoe,
				'post_date'      => '2024-04-11 08:45:00',
				'guid'           => $upload['url'] . '/harbour-at-dawn.jpg',
			)
		),
		$file,
		0,
		true
	),
	'attachment'
);
wp_update_attachment_metadata( $photo, wp_generate_attachment_metadata( $photo, $file ) );
update_post_meta( $photo, '_wp_attachment_image_alt', 'Fishing boats moored at the quay at dawn' );
$photo_url  = wp_get_attachment_url( $photo );
$photo_mid  = wp_get_attachment_image_src( $photo, 'medium' )[0];

$blocks = <<<HTML
<!-- wp:paragraph -->
<p>The harbour reopened on Thursday morning after three days in which no boat left the quay.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2>What happened</h2>
<!-- /wp:heading -->

<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>Winds reached 120 km/h on Monday night.</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Two pontoons broke loose &amp; drifted into the channel.</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:heading {"level":3} -->
<h3>What comes next</h3>
<!-- /wp:heading -->

<!-- wp:list {"ordered":true} -->
<ol><!-- wp:list-item -->
<li>Divers survey the channel.</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>The ferry returns on <strong>Saturday</strong>.</li>
<!-- /wp:list-item --></ol>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>We were lucky. Nobody was on the water when it hit.</p>
<!-- /wp:paragraph --><cite>Inés Ortega, harbour master</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:image {"id":$photo,"sizeSlug":"full","linkDestination":"none"} -->
<figure class="wp-block-image size-full"><img src="$photo_url" alt="Fishing boats moored at the quay at dawn" class="wp-image-$photo"/><figcaption class="wp-element-caption">Boats back at the quay. Photo: Zoë Brontë</figcaption></figure>
<!-- /wp:image -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=aqz-KE-bpKQ","type":"video","providerNameSlug":"youtube","responsive":true,"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=aqz-KE-bpKQ
</div><figcaption class="wp-element-caption">The quay from above, filmed by a reader</figcaption></figure>
<!-- /wp:embed -->

<!-- wp:html -->
<script>document.write('<img src="https://tracker.example.net/pixel.gif">');</script>
<div class="storm-widget">Wind now: 12 kn</div>
<!-- /wp:html -->
HTML;

$harbour = post(
	array(
		'post_title'    => 'Harbour reopens after three-day storm',
		'post_name'     => 'harbour-reopens-after-storm',
		'post_content'  => $blocks,
		'post_excerpt'  => 'Boats left the quay for the first time since Monday night.',
		'post_author'   => $zoe,
		'post_date'     => '2024-04-11 09:30:00',
		'post_category' => array( $local ),
		'tags_input'    => array( 'harbour', 'climate' ),
	)
);
set_post_thumbnail( $harbour, $photo );
wp_update_post( array( 'ID' => $photo, 'post_parent' => $harbour ) );
stick_post( $harbour );

$election = post(
	array(
		'post_title'    => 'Council election: what we know so far',
		'post_content'  => "<p>Polls close at 18:00. Turnout at noon was 31&nbsp;per cent, up from 24 in 2019.</p>\n\n<p>The count starts at the town hall at 19:00; results are expected <em>before midnight</em>.</p>",
		'post_author'   => $jose,
		'post_date'     => '2024-05-02 18:05:00',
		'post_category' => array( $europe, $local ),
		'tags_input'    => array( 'elections', 'Q&A' ),
	)
);
$qa = post(
	array(
		'post_title'    => 'Q&A: the mayor on budgets & bridges',
		'post_content'  => "<!-- wp:paragraph -->\n<p><strong>Why close the old bridge?</strong> It is 112 years old &amp; the engineers say so.</p>\n<!-- /wp:paragraph -->",
		'post_excerpt'  => 'Budgets & bridges, in her words.',
		'post_author'   => $lukasz,
		'post_date'     => '2024-06-20 12:00:00',
		'post_category' => array( $news ),
		'tags_input'    => array( 'Q&A' ),
	)
);
$sirens = post(
	array(
		'post_title'    => 'Сирены в порту',
		'post_name'     => 'сирены-в-порту',
		'post_content'  => "<!-- wp:paragraph -->\n<p>Сирены прозвучали в 23:10. Наш корреспондент рассказывает.</p>\n<!-- /wp:paragraph -->",
		'post_author'   => $jose,
		'post_date'     => '2024-03-30 23:30:00',
		'post_category' => array( $europe ),
		'tags_input'    => array( 'harbour' ),
	)
);
$regatta = post(
	array(
		'post_title'    => 'The regatta returns',
		'post_content'  => "<!-- wp:paragraph -->\n<p>Forty boats are entered for the first regatta since 2019.</p>\n<!-- /wp:paragraph -->",
		'post_status'   => 'future',
		'post_author'   => $zoe,
		'post_date'     => '2031-06-01 08:00:00',
		'post_category' => array( $arts ),
	)
);
$draft = post(
	array(
		'post_title'    => 'Ferry timetable changes',
		'post_content'  => '<p>Notes so far: winter timetable from November.</p>',
		'post_status'   => 'draft',
		'post_author'   => $siobhan,
		'post_date'     => '2024-11-05 10:00:00',
		'post_category' => array( $local ),
	)
);
$pending = post(
	array(
		'post_title'    => 'Interview with the lighthouse keeper',
		'post_content'  => "<!-- wp:paragraph -->\n<p>She has kept the light for 31 years.</p>\n<!-- /wp:paragraph -->",
		'post_status'   => 'pending',
		'post_author'   => $lukasz,
		'post_date'     => '2024-11-06 10:00:00',
		'post_category' => array( $arts ),
	)
);
$private = post(
	array(
		'post_title'   => 'Newsroom notes: holiday rota',
		'post_content' => '<p>Not for readers.</p>',
		'post_status'  => 'private',
		'post_author'  => $admin,
		'post_date'    => '2024-02-14 16:00:00',
	)
);
$wrong = post(
	array(
		'post_title'    => 'Bridge repair to cost 4m',
		'post_name'     => 'bridge-repair-cost',
		'post_content'  => '<p>The figure was wrong; see the corrected story.</p>',
		'post_author'   => $zoe,
		'post_date'     => '2024-01-20 10:00:00',
		'post_category' => array( $news ),
	)
);
$protected = post(
	array(
		'post_title'     => 'Arts season preview for subscribers',
		'post_content'   => "<!-- wp:paragraph -->\n<p>SECRET-PREVIEW-TEXT: the opera opens with Tosca.</p>\n<!-- /wp:paragraph -->",
		'post_password'  => 'harbour',
		'post_author'    => $siobhan,
		'post_date'      => '2024-09-01 10:00:00',
		'post_category'  => array( $arts ),
		'comment_status' => 'closed',
	)
);
$cafe = post(
	array(
		'post_title'    => 'Café society returns to the old town',
		'post_content'  => "The Café Zentral reopens its terrace this week.\n\n[caption id=\"attachment_$photo\" align=\"aligncenter\" width=\"300\"]<img class=\"size-medium wp-image-$photo\" src=\"$photo_mid\" alt=\"Fishing boats moored at the quay at dawn\" width=\"300\" height=\"200\" /> The view from the terrace[/caption]\n\n<!--more-->\n\nOwners Ana &amp; Pedro Ruiz took over in 2023. \"We kept the piano,\" says Ana.",
		'post_excerpt'  => 'The terrace is open again, piano and all.',
		'post_author'   => $siobhan,
		'post_date'     => '2024-07-14 20:00:00',
		'post_category' => array( $arts ),
		'tags_input'    => array( 'Café society' ),
	)
);
$tides = post(
	array(
		'post_title'    => 'Tides, explained',
		'post_content'  => "<!-- wp:paragraph -->\n<p>Twice a day the sea rises and falls by up to two metres here.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>The Moon does most of the work.</p>\n<!-- /wp:paragraph -->",
		'post_author'   => $lukasz,
		'post_date'     => '2024-10-27 02:30:00',
		'post_category' => array( $science ),
		'tags_input'    => array( 'climate', 'tides' ),
	)
);
$newyear = post(
	array(
		'post_title'    => 'Fireworks over the harbour',
		'post_content'  => '<p>The first minutes of 2019, seen from the lighthouse.</p>',
		'post_author'   => $jose,
		'post_date'     => '2019-01-01 00:30:00',
		'post_category' => array( $world ),
	)
);
$about = post(
	array(
		'post_type'      => 'page',
		'post_title'     => 'About',
		'post_name'      => 'about',
		'post_content'   => "<!-- wp:paragraph -->\n<p>The Harbour Gazette has covered the town since 1998.</p>\n<!-- /wp:paragraph -->",
		'post_author'    => $admin,
		'post_date'      => '2023-01-01 12:00:00',
		'menu_order'     => 1,
		'comment_status' => 'closed',
		'ping_status'    => 'closed',
	)
);
$ethics = post(
	array(
		'post_type'      => 'page',
		'post_title'     => 'Ethics policy',
		'post_content'   => "<!-- wp:paragraph -->\n<p>We correct mistakes openly &amp; say so at the top of the story.</p>\n<!-- /wp:paragraph -->",
		'post_author'    => $admin,
		'post_date'      => '2023-01-02 12:00:00',
		'menu_order'     => 2,
		'comment_status' => 'closed',
		'ping_status'    => 'closed',
	)
);

// Comments. Replies reply to replies; every status WordPress has; a pingback and a trackback.
function comment( $post, $when, $author, $email, $text, $parent = 0, $args = array() ) {
	return must(
		wp_insert_comment(
			wp_slash(
				array_merge(
					array(
						'comment_post_ID'      => $post,
						'comment_author'       => $author,
						'comment_author_email' => $email,
						'comment_author_url'   => '',
						'comment_author_IP'    => '192.0.2.' . ( 10 + $parent % 200 ),
						'comment_agent'        => 'Mozilla/5.0 (fixture)',
						'comment_content'      => $text,
						'comment_parent'       => $parent,
						'comment_date'         => $when,
						'comment_date_gmt'     => get_gmt_from_date( $when ),
						'comment_approved'     => 1,
						'comment_type'         => 'comment',
					),
					$args
				)
			)
		),
		"comment by $author"
	);
}
$c1 = comment( $harbour, '2024-04-11 10:02:00', 'Maëlle Dupont', 'maelle@example.com', 'So glad the ferry is back. Fish & chips on the quay tonight!' );
$c2 = comment( $harbour, '2024-04-11 10:15:00', 'Björn Ståhl', 'bjorn@example.se', 'Was the north pontoon repaired too?', $c1 );
$c3 = comment( $harbour, '2024-04-11 11:00:00', 'Zoë Brontë', 'zoe@news.example.org', 'Not yet: divers go down on Friday. We will update the story.', $c2, array( 'user_id' => $zoe ) );
$c4 = comment( $harbour, '2024-04-11 11:20:00', 'Anonymous', '', 'Thanks. <a href="https://example.com/boats">More photos here</a>', $c3, array( 'comment_approved' => 0 ) );
$c5 = comment( $harbour, '2024-04-11 12:00:00', 'Kwame Mensah', 'kwame@example.org', 'My boat is still stuck behind the boom.', $c1, array( 'comment_approved' => 0 ) );
$c6 = comment( $harbour, '2024-04-11 12:30:00', 'Cheap Pills', 'pills@spam.example', 'Buy now <a href="https://spam.example/">cheap</a>' );
wp_spam_comment( $c6 );
$c7 = comment( $harbour, '2024-04-11 13:00:00', 'Troll', 'troll@example.net', 'This town deserves it.' );
wp_trash_comment( $c7 );
$c8 = comment( $harbour, '2024-04-11 13:10:00', 'Ana Ruiz', 'ana@example.es', 'That is unkind. <script>alert("hi")</script>', $c7 );
$c9 = comment( $harbour, '2024-04-12 08:00:00', 'Coastal Weekly', '', '[&#8230;] the Harbour Gazette reports the quay reopened on Thursday [&#8230;]', 0, array( 'comment_type' => 'pingback', 'comment_author_url' => 'https://coastal-weekly.example/2024/04/12/storm-roundup/', 'comment_agent' => 'WordPress/6.1.9; https://coastal-weekly.example' ) );
$c10 = comment( $harbour, '2024-04-12 09:00:00', 'Sailing Blog', '', 'Storm damage round-up, with a link to this story.', 0, array( 'comment_type' => 'trackback', 'comment_author_url' => 'https://sailing.example/storm/', 'comment_agent' => '' ) );
$c11 = comment( $election, '2024-05-02 18:30:00', '李雷', 'lilei@example.cn', '投票率比上次高。' );
$c12 = comment( $election, '2024-05-02 19:10:00', 'Ngozi Adébáyọ̀', 'ngozi@example.ng', 'Any word from the ward by the harbour?', $c11 );
$c13 = comment( $election, '2024-05-02 19:20:00', 'SEO Expert', 'seo@spam.example', 'Great post! Visit my site.' );
wp_spam_comment( $c13 );
$c14 = comment( $sirens, '2024-03-31 07:00:00', 'Дмитрий', 'dmitry@example.ru', 'Спасибо за новости.' );
$c15 = comment( $wrong, '2024-01-20 11:00:00', 'Careful Reader', 'careful@example.org', 'Surely 4m is a typo: the council papers say 0.4m.' );
$c16 = comment( $cafe, '2024-07-14 21:00:00', 'Ana Ruiz', 'ana@example.es', 'Come and hear the piano on Sunday!' );

// The story with the wrong figure goes to the bin, as an editor would send it.
wp_trash_post( $wrong );

// Moderation functions stamp "now" in their meta; a fixed time instead.
foreach ( array( $c6, $c7, $c13 ) as $moderated ) {
	update_comment_meta( $moderated, '_wp_trash_meta_time', strtotime( '2024-04-13 09:00:00 UTC' ) );
}
update_post_meta( $wrong, '_wp_trash_meta_time', strtotime( '2024-01-21 09:00:00 UTC' ) );

// What WordPress's cron would do after publishing (pings off, so only the bookkeeping meta goes).
do_all_pings();

fwrite( STDERR, "populate: done\n" );

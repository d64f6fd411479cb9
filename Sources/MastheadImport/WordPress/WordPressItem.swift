import Foundation

/// An `<item>`: a post, a page, an attachment (an uploaded file), or another post type.
public struct WordPressItem: Sendable, Equatable {
    public let id: Int
    /// `post`, `page`, `attachment`, or a plugin's own type.
    public let type: String
    /// `publish`, `future`, `draft`, `pending`, `private`, `trash`, `inherit` (attachments).
    public let status: String
    public let title: String
    /// The post's address on the old site, as its permalinks wrote it.
    public let link: String
    /// `wp:post_name` percent-decoded; empty for drafts WordPress never gave one.
    public let slug: String
    /// The `dc:creator` login.
    public let authorLogin: String
    public let contentHTML: String
    public let excerpt: String
    /// From `wp:post_date_gmt`; nil when WordPress wrote `0000-00-00 00:00:00` (drafts and pending posts).
    public let publishedAt: Date?
    /// `wp:post_date` read as if it were UTC: the site's local time, for drafts with no GMT date.
    public let localDate: Date?
    public let modifiedAt: Date?
    public let commentsOpen: Bool
    public let isSticky: Bool
    /// Non-empty for a password-protected post.
    public let password: String
    public let parentID: Int?
    public let categorySlugs: [String]
    public let tagSlugs: [String]
    /// Every `wp:postmeta` key and value (`_thumbnail_id`, `_wp_attached_file`, …).
    public let meta: [String: String]
    /// An attachment's file address on the old site.
    public let attachmentURL: String?
    public let comments: [WordPressComment]
    public let line: Int
}

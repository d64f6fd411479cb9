import FluentKit
import Foundation

/// The site's own settings, one row, written by `masthead demo` and (later) the newsroom's settings page.
final class SiteSettingsRecord: Model, @unchecked Sendable {
    static let schema = "site_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "base_url") var baseURL: String
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "language") var language: String
    @Field(key: "feed_full_text") var feedFullText: Bool
    @Field(key: "read_next") var readNext: String
    @Field(key: "comments_close_after_days") var commentsCloseAfterDays: Int
    @Field(key: "comments_allow_guests") var commentsAllowGuests: Bool
    @Field(key: "comments_premoderate_all") var commentsPremoderateAll: Bool
    @Field(key: "comments_first_held") var commentsFirstHeld: Int
    @Field(key: "comments_links_held_until") var commentsLinksHeldUntil: Int
    @Field(key: "comments_max_length") var commentsMaxLength: Int
    @Field(key: "comments_banned_words") var commentsBannedWords: String
    @Field(key: "comments_suspect_words") var commentsSuspectWords: String

    init() {}
}

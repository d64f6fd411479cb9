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

    init() {}
}

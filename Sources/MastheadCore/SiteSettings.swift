import Foundation

/// What a site says about itself: its name, where it lives, and the clock and language its readers use.
public struct SiteSettings: Sendable, Equatable {
    public var name: String
    /// Absolute, without a trailing slash ("https://news.example.com").
    public var baseURL: String
    /// Times are stored in UTC and shown in this zone; "today" in time labels is today here.
    public var timeZone: TimeZone
    /// A BCP 47 tag for the `lang` attribute ("en", "pl").
    public var language: String
    /// Whether feeds carry whole stories (true) or only their ledes.
    public var feedFullText: Bool
    /// What the Read next rail under an article offers.
    public var readNext: ReadNextMode
    /// How long a timed conversation stays open after publication (``ConversationSettings``).
    public var commentsCloseAfterDays: Int
    /// Guests, word lists, pre-moderation and the trust ladder (``CommentSettings``).
    public var comments: CommentSettings

    public init(
        name: String, baseURL: String, timeZone: TimeZone, language: String, feedFullText: Bool = true,
        readNext: ReadNextMode = .related, commentsCloseAfterDays: Int = 14, comments: CommentSettings = .defaults
    ) {
        self.name = name
        self.baseURL = baseURL
        self.timeZone = timeZone
        self.language = language
        self.feedFullText = feedFullText
        self.readNext = readNext
        self.commentsCloseAfterDays = commentsCloseAfterDays
        self.comments = comments
    }

    public static let defaults = SiteSettings(
        name: "Masthead",
        baseURL: "http://127.0.0.1:8080",
        timeZone: TimeZone(identifier: "UTC")!,
        language: "en"
    )
}

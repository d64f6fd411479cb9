import Foundation

/// A feed as every format sees it: the site, topic or author it lists, and its newest stories.
public struct SyndicationFeed: Sendable, Equatable {
    public var title: String
    public var description: String
    /// The page the feed stands for (the home, topic or author page), absolute.
    public var pageURL: String
    /// This feed's own address, absolute.
    public var feedURL: String
    public var language: String
    /// The newest publication, update or correction among the items; nil for an empty feed.
    public var updated: Date?
    public var items: [SyndicationItem]

    public init(
        title: String, description: String, pageURL: String, feedURL: String, language: String, updated: Date?,
        items: [SyndicationItem]
    ) {
        self.title = title
        self.description = description
        self.pageURL = pageURL
        self.feedURL = feedURL
        self.language = language
        self.updated = updated
        self.items = items
    }
}

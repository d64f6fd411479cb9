import Foundation

/// A story as readers and the newsroom see it, independent of how it is stored.
public struct Article: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var slug: Slug
    public var headline: String
    /// The first paragraph, written to stand on its own: it is what lists, feeds and Read next show.
    public var lede: String
    public var bodyMarkdown: String
    /// Sanitized when the article is saved; the only article field a template renders raw.
    public var bodyHTML: String
    /// Where the story was reported from ("Washington"), shown before the date.
    public var dateline: String?
    public var status: ArticleStatus
    public var publishedAt: Date?
    /// Set by an editor when a story changes in substance, not by every save.
    public var updatedAt: Date?
    /// The label shown above the story in lists ("US Tariffs"); optional, as on the reference page.
    public var primaryTopic: Topic?
    public var topics: [Topic]
    /// In byline order.
    public var authors: [Author]

    public init(
        id: UUID,
        slug: Slug,
        headline: String,
        lede: String,
        bodyMarkdown: String,
        bodyHTML: String,
        dateline: String? = nil,
        status: ArticleStatus,
        publishedAt: Date?,
        updatedAt: Date? = nil,
        primaryTopic: Topic? = nil,
        topics: [Topic] = [],
        authors: [Author] = []
    ) {
        self.id = id
        self.slug = slug
        self.headline = headline
        self.lede = lede
        self.bodyMarkdown = bodyMarkdown
        self.bodyHTML = bodyHTML
        self.dateline = dateline
        self.status = status
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        self.primaryTopic = primaryTopic
        self.topics = topics
        self.authors = authors
    }
}

/// Where a story stands in the newsroom's workflow.
public enum ArticleStatus: String, Sendable, CaseIterable, Codable {
    case draft
    case published
}

import Foundation

/// What the newsroom hands over to create an article; the store renders and sanitizes the body.
public struct ArticleDraft: Sendable, Equatable {
    public var id: UUID
    public var slug: Slug
    public var headline: String
    public var lede: String
    public var bodyMarkdown: String
    public var dateline: String?
    public var status: ArticleStatus
    public var publishedAt: Date?
    public var primaryTopic: Topic?
    public var topics: [Topic]
    public var authors: [Author]

    public init(
        id: UUID,
        slug: Slug,
        headline: String,
        lede: String,
        bodyMarkdown: String,
        dateline: String? = nil,
        status: ArticleStatus,
        publishedAt: Date?,
        primaryTopic: Topic? = nil,
        topics: [Topic] = [],
        authors: [Author] = []
    ) {
        self.id = id
        self.slug = slug
        self.headline = headline
        self.lede = lede
        self.bodyMarkdown = bodyMarkdown
        self.dateline = dateline
        self.status = status
        self.publishedAt = publishedAt
        self.primaryTopic = primaryTopic
        self.topics = topics
        self.authors = authors
    }

    /// The primary topic is always one of the article's topics, so its topic page lists the story.
    public var allTopics: [Topic] {
        guard let primaryTopic, !topics.contains(primaryTopic) else { return topics }
        return [primaryTopic] + topics
    }
}

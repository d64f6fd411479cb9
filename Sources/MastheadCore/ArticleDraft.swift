import Foundation

/// What the newsroom hands over to create an article; the store renders and sanitizes the body.
public struct ArticleDraft: Sendable, Equatable {
    public var id: UUID
    public var content: ArticleContent
    public var status: ArticleStatus
    public var publishedAt: Date?
    public var embargoUntil: Date?

    public init(
        id: UUID, content: ArticleContent, status: ArticleStatus = .draft, publishedAt: Date? = nil,
        embargoUntil: Date? = nil
    ) {
        self.id = id
        self.content = content
        self.status = status
        self.publishedAt = publishedAt
        self.embargoUntil = embargoUntil
    }

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
        self.init(
            id: id,
            content: ArticleContent(
                slug: slug, headline: headline, lede: lede, bodyMarkdown: bodyMarkdown, dateline: dateline,
                primaryTopic: primaryTopic, topics: topics, authors: authors),
            status: status, publishedAt: publishedAt)
    }
}

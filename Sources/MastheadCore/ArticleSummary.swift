import Foundation

/// A story as lists show it (home, topic and author pages, Read next): everything but the body, so
/// a list never loads or carries the full text of the stories it names.
public struct ArticleSummary: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var slug: Slug
    public var headline: String
    public var lede: String
    public var status: ArticleStatus
    public var publishedAt: Date?
    /// The label shown above the story ("US Tariffs"); optional, as on the reference page.
    public var primaryTopic: Topic?
    /// Published comments, for the count beside the story in lists and Read next.
    public var commentCount: Int

    public init(
        id: UUID, slug: Slug, headline: String, lede: String, status: ArticleStatus, publishedAt: Date?,
        primaryTopic: Topic? = nil, commentCount: Int = 0
    ) {
        self.id = id
        self.slug = slug
        self.headline = headline
        self.lede = lede
        self.status = status
        self.publishedAt = publishedAt
        self.primaryTopic = primaryTopic
        self.commentCount = commentCount
    }

    /// Whether readers may see the story at `now`: published, with a publication time already passed.
    public func isVisible(at now: Date) -> Bool {
        guard status == .published, let publishedAt else { return false }
        return publishedAt <= now
    }
}

import Foundation

/// A story as readers and the newsroom see it, independent of how it is stored.
public struct Article: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var content: ArticleContent
    /// Sanitized when the article is saved; the only article field a template renders raw.
    public var bodyHTML: String
    public var status: ArticleStatus
    /// Set on first publication (or the time a story is scheduled for); a later publish keeps it.
    public var publishedAt: Date?
    /// Set only when an editor marks an update or adds a correction, never by a plain save.
    public var updatedAt: Date?
    /// What the editor said of the update, shown beside the "Updated" time.
    public var updateNote: String?
    /// Until this time no reader sees the story anywhere, whatever its status.
    public var embargoUntil: Date?
    /// Counts saves: each save names the version it was based on, so two editors cannot overwrite
    /// each other unseen.
    public var version: Int
    /// Oldest first.
    public var corrections: [Correction]
    /// Whether the story takes comments and whether they wait for a moderator.
    public var conversation: ConversationSettings
    /// Published comments, kept by the write layer as comments come and go.
    public var commentCount: Int

    public init(
        id: UUID,
        content: ArticleContent,
        bodyHTML: String,
        status: ArticleStatus,
        publishedAt: Date?,
        updatedAt: Date? = nil,
        updateNote: String? = nil,
        embargoUntil: Date? = nil,
        version: Int = 1,
        corrections: [Correction] = [],
        conversation: ConversationSettings = .standard,
        commentCount: Int = 0
    ) {
        self.id = id
        self.content = content
        self.bodyHTML = bodyHTML
        self.status = status
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        self.updateNote = updateNote
        self.embargoUntil = embargoUntil
        self.version = version
        self.corrections = corrections
        self.conversation = conversation
        self.commentCount = commentCount
    }

    public init(
        id: UUID, slug: Slug, headline: String, lede: String, bodyMarkdown: String, bodyHTML: String,
        dateline: String? = nil, status: ArticleStatus, publishedAt: Date?, updatedAt: Date? = nil,
        primaryTopic: Topic? = nil, topics: [Topic] = [], authors: [Author] = []
    ) {
        self.init(
            id: id,
            content: ArticleContent(
                slug: slug, headline: headline, lede: lede, bodyMarkdown: bodyMarkdown, dateline: dateline,
                primaryTopic: primaryTopic, topics: topics, authors: authors),
            bodyHTML: bodyHTML, status: status, publishedAt: publishedAt, updatedAt: updatedAt)
    }

    public var slug: Slug { content.slug }
    public var headline: String { content.headline }
    public var lede: String { content.lede }
    public var bodyMarkdown: String { content.bodyMarkdown }
    public var dateline: String? { content.dateline }
    public var primaryTopic: Topic? { content.primaryTopic }
    public var topics: [Topic] { content.topics }
    public var authors: [Author] { content.authors }

    /// Whether a reader may see the story at `now`: see ``Visibility``.
    public func isVisible(at now: Date) -> Bool {
        Visibility.isVisible(status: status, publishedAt: publishedAt, embargoUntil: embargoUntil, now: now)
    }
}

import Foundation

/// A reader's contribution to the conversation under an article. The body is plain text; its HTML is
/// made by ``CommentText`` once, when the comment is written or edited, so no markup a reader typed can
/// reach a page and no page pays for rendering it again.
public struct Comment: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var articleID: UUID
    public var parentID: UUID?
    /// The top-level comment this one is under (itself for a top-level comment), so a page fetches the
    /// replies of its threads in one statement.
    public var threadID: UUID
    /// 0 for a top-level comment, 1 for a reply to it, and so on.
    public var depth: Int
    /// The reader account that wrote it; nil for a guest.
    public var commenterID: UUID?
    public var displayName: String
    public var body: String
    public var bodyHTML: String
    public var status: CommentStatus
    /// Why the pipeline or a moderator held or rejected it; shown to its author.
    public var reason: ModerationReason?
    public var badge: CommenterBadge?
    public var likeCount: Int
    public var reportCount: Int
    /// An editor's pick, shown above the thread.
    public var featured: Bool
    public var createdAt: Date
    public var editedAt: Date?
    /// Deleted by its author, or with their account: kept (without its text) so replies keep their place.
    public var deletedAt: Date?

    public init(
        id: UUID,
        articleID: UUID,
        parentID: UUID? = nil,
        threadID: UUID? = nil,
        depth: Int = 0,
        commenterID: UUID? = nil,
        displayName: String,
        body: String,
        bodyHTML: String? = nil,
        status: CommentStatus,
        reason: ModerationReason? = nil,
        badge: CommenterBadge? = nil,
        likeCount: Int = 0,
        reportCount: Int = 0,
        featured: Bool = false,
        createdAt: Date,
        editedAt: Date? = nil,
        deletedAt: Date? = nil
    ) {
        self.id = id
        self.articleID = articleID
        self.parentID = parentID
        self.threadID = threadID ?? id
        self.depth = depth
        self.commenterID = commenterID
        self.displayName = displayName
        self.body = body
        self.bodyHTML = bodyHTML ?? CommentText.html(body)
        self.status = status
        self.reason = reason
        self.badge = badge
        self.likeCount = likeCount
        self.reportCount = reportCount
        self.featured = featured
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.deletedAt = deletedAt
    }

    public var isDeleted: Bool { deletedAt != nil }
}

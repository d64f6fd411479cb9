import Foundation

/// A reader's contribution to the conversation under an article. The body is plain text, rendered by
/// ``CommentText`` at display time so that no markup a reader typed can ever reach a page as HTML.
public struct Comment: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var articleID: UUID
    public var parentID: UUID?
    public var displayName: String
    public var body: String
    public var status: CommentStatus
    public var createdAt: Date

    public init(
        id: UUID,
        articleID: UUID,
        parentID: UUID? = nil,
        displayName: String,
        body: String,
        status: CommentStatus,
        createdAt: Date
    ) {
        self.id = id
        self.articleID = articleID
        self.parentID = parentID
        self.displayName = displayName
        self.body = body
        self.status = status
        self.createdAt = createdAt
    }
}

/// Where a comment stands. Only `published` comments are shown to readers; the moderation pipeline
/// that moves comments between the others comes with its own issue.
public enum CommentStatus: String, Sendable, CaseIterable, Codable {
    case pending
    case published
    case rejected
    case spam
    case hidden
}

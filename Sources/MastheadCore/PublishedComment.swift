import Foundation

/// What an open article page needs to show a comment just published, carried by its
/// `comment.published` event (``DomainEvent/comment``), so that a live stream shows the comment without
/// reading it back (issue 20). The text is the comment's HTML, already escaped.
public struct PublishedComment: Sendable, Equatable, Codable {
    public var parentID: UUID?
    public var displayName: String
    public var badge: CommenterBadge?
    public var bodyHTML: String
    public var createdAt: Date

    public init(_ comment: Comment) {
        parentID = comment.parentID
        displayName = comment.displayName
        badge = comment.badge
        bodyHTML = comment.bodyHTML
        createdAt = comment.createdAt
    }
}

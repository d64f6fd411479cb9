import Foundation
import MastheadCore

/// Posting to the conversation, through the same write layer as the newsroom's actions.
public struct CommentActions: Sendable {
    let store: Store

    /// Stores a checked comment and records `comment.published`; when this returns, it is on disk.
    public func post(_ comment: Comment) async throws {
        try await store.transaction { tx in
            try await tx.comments.add(comment)
            try await tx.record(
                DomainEvent(name: .commentPublished, subjectID: comment.id, actorID: nil, occurredAt: comment.createdAt)
            )
        }
    }
}

extension Store {
    public var commentActions: CommentActions { CommentActions(store: self) }
}

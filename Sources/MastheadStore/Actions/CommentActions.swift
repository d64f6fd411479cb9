import FluentKit
import Foundation
import MastheadCore

/// Posting to the conversation, through the same write layer as the newsroom's actions.
public struct CommentActions: Sendable {
    let store: Store

    /// Stores a checked comment and records `comment.published` (or `comment.held` when it waits for a
    /// moderator); when this returns, it is on disk.
    public func post(_ comment: Comment) async throws {
        try await store.transaction { tx in
            try await tx.comments.add(comment)
            try await tx.record(
                DomainEvent(
                    name: comment.status == .published ? .commentPublished : .commentHeld, subjectID: comment.id,
                    actorID: nil, occurredAt: comment.createdAt))
        }
    }
}

extension CommentActions {
    /// A moderator's decision on a comment; publishing one records `comment.published`.
    public func moderate(_ id: UUID, to status: CommentStatus, by account: StaffAccount, now: Date) async throws
        -> Comment
    {
        guard account.role.moderates else { throw ActionError.notAllowed("Your role does not moderate comments.") }
        return try await store.transaction { tx in
            guard let record = try await CommentRecord.find(id, on: tx.database) else {
                throw ActionError.notFound("That comment does not exist.")
            }
            record.status = status.rawValue
            try await record.update(on: tx.database)
            try await tx.record(
                DomainEvent(
                    name: status == .published ? .commentPublished : .commentModerated, subjectID: id,
                    actorID: account.id, occurredAt: now))
            guard let comment = record.comment else { throw StoreError.vanished("comment \(id)") }
            return comment
        }
    }
}

extension Store {
    public var commentActions: CommentActions { CommentActions(store: self) }
}

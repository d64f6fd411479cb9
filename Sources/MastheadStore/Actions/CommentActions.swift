import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// The conversation's writes, through the same write layer as the newsroom's: each in one transaction
/// with its event.
public struct CommentActions: Sendable {
    let store: Store

    /// A comment as a reader sent it, checked by ``CommentSubmission`` already.
    public struct NewComment: Sendable {
        public var article: ConversationTarget
        public var parentID: UUID?
        /// The signed-in reader; nil for a guest.
        public var commenter: Commenter?
        public var displayName: String
        public var body: String
        public var addressHash: String

        public init(
            article: ConversationTarget, parentID: UUID?, commenter: Commenter?, displayName: String, body: String,
            addressHash: String
        ) {
            self.article = article
            self.parentID = parentID
            self.commenter = commenter
            self.displayName = displayName
            self.body = body
            self.addressHash = addressHash
        }
    }

    /// What became of a new comment.
    public enum Outcome: Sendable, Equatable {
        case published(Comment)
        case held(Comment)
        case rejected(Comment)
        /// Nothing was stored: the reader keeps their text and tries again after this many seconds.
        case rateLimited(retryAfter: Int)
        /// Nothing was stored: the commenter is banned until then.
        case banned(until: Date, reason: String?)
    }

    /// Runs the moderation pipeline on the facts in the database and stores the comment as it decides:
    /// published, held with a reason, or rejected with a reason (kept, so its author sees why and a
    /// moderator can undo it). A rate limit or a ban stores nothing. Posts arriving together are
    /// decided and written together (``CommentBatcher``); this returns once the comment is on disk.
    /// Refuses, before anything is stored, a post ``ConversationPolicy`` does not allow (a closed
    /// conversation, an unconfirmed address, a guest where guests may not post), on every surface.
    public func post(_ new: NewComment, settings: SiteSettings, now: Date) async throws -> Outcome {
        let conversation = ConversationPolicy(reader: new.commenter, now: now)
        if let refusal = conversation.postingRefusal(on: new.article, settings: settings) {
            throw ActionError.notAllowed(refusal.description)
        }
        return try await store.commentBatcher.post((new, settings.comments.policy, now), store: store)
    }
}

extension Store {
    public var commentActions: CommentActions { CommentActions(store: self) }
}

extension CommentActions {
    /// Stores a comment whose fate is already decided (demo content, imports, tests), with its event.
    public func add(_ comment: Comment, addressHash: String? = nil) async throws {
        var comment = comment
        // Whole seconds, as posted comments are, so that page cursors compare equal to the stored time.
        comment.createdAt = comment.createdAt.wholeSeconds
        let stored = comment
        try await store.transaction { tx in
            try await tx.comments.add(stored, ipHash: addressHash)
            try await CommentCounts.changed(from: nil, to: stored, on: tx.database)
            let name: DomainEvent.Name =
                switch stored.status {
                case .published: .commentPublished
                case .pending: .commentHeld
                default: .commentRejected
                }
            try await tx.record(
                DomainEvent.about(stored, name, actorID: stored.commenterID, occurredAt: stored.createdAt))
        }
    }

    /// Sets a comment's status directly (the Admin API's moderation call), with an audit-log line.
    public func moderate(_ id: UUID, to status: CommentStatus, by account: StaffAccount, now: Date) async throws
        -> Comment
    {
        try account.policy.require(.moderateComments)
        return try await store.transaction { tx in
            guard let record = try await CommentRecord.find(id, on: tx.database), let old = record.comment else {
                throw ActionError.notFound("That comment does not exist.")
            }
            record.status = status.rawValue
            if status == .published { record.reason = nil }
            try await record.update(on: tx.database)
            guard let comment = record.comment else { throw StoreError.vanished("comment \(id)") }
            try await CommentCounts.changed(from: old, to: comment, on: tx.database)
            try await ModerationActions.log(
                "set-status-\(status.rawValue)", comment: id, commenter: old.commenterID, note: "", by: account,
                now: now,
                on: tx.database)
            try await tx.record(
                DomainEvent.about(
                    comment, status == .published && old.status != .published ? .commentPublished : .commentModerated,
                    actorID: account.id, occurredAt: now))
            return comment
        }
    }
}

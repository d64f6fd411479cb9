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
    /// moderator can undo it). A rate limit or a ban stores nothing.
    public func post(_ new: NewComment, policy: ModerationPolicy, now: Date) async throws -> Outcome {
        try await store.transaction { tx in
            var parent: Comment?
            if let parentID = new.parentID {
                guard let found = try await tx.comments.find(parentID), found.articleID == new.article.id,
                    found.status == .published, !found.isDeleted
                else { throw ActionError.notFound("The comment you replied to is no longer there.") }
                parent = found
            }
            let facts = ModerationFacts(database: tx.database)
            let context = try await facts.context(
                body: new.body, commenter: new.commenter, addressHash: new.addressHash,
                articlePreModerated: new.article.conversation.preModerated, policy: policy, now: now)
            let decision = ModerationPipeline.decide(context, policy: policy)
            let status: CommentStatus
            var reason: ModerationReason?
            switch decision {
            case .rateLimited(let wait):
                return .rateLimited(retryAfter: Int(wait.rounded(.up)))
            case .reject(.commenterBanned):
                return .banned(until: new.commenter?.bannedUntil ?? now, reason: new.commenter?.banReason)
            case .reject(let why):
                status = .rejected
                reason = why
            case .hold(let why):
                status = .pending
                reason = why
            case .publish:
                status = .published
            }
            // Whole seconds, so that a page's cursor compares equal to the stored time on both databases.
            let comment = Comment(
                id: UUID(), articleID: new.article.id, parentID: parent?.id, threadID: parent?.threadID,
                depth: (parent?.depth ?? -1) + 1, commenterID: new.commenter?.id, displayName: new.displayName,
                body: new.body, status: status, reason: reason,
                badge: try await Self.badge(for: new.commenter, on: new.article, database: tx.database),
                createdAt: now.wholeSeconds)
            try await tx.comments.add(comment, ipHash: new.addressHash)
            try await CommentCounts.changed(from: nil, to: comment, on: tx.database)
            let event: DomainEvent.Name
            switch status {
            case .published: event = .commentPublished
            case .rejected: event = .commentRejected
            default: event = .commentHeld
            }
            try await tx.record(
                DomainEvent(name: event, subjectID: comment.id, actorID: new.commenter?.id, occurredAt: now))
            switch status {
            case .published: return .published(comment)
            case .rejected: return .rejected(comment)
            default: return .held(comment)
            }
        }
    }

    /// Staff who comment with their newsroom email carry a badge; the story's own authors, "Author".
    static func badge(for commenter: Commenter?, on article: ConversationTarget, database: any Database)
        async throws -> CommenterBadge?
    {
        guard let commenter, commenter.isVerified,
            let staff = try await StaffAccountRecord.query(on: database).filter(\.$email == commenter.email).first()
        else { return nil }
        if let authorID = staff.authorID,
            try await BylineRecord.query(on: database).filter(\.$article.$id == article.id)
                .filter(\.$author.$id == authorID).count() > 0
        {
            return .author
        }
        return .staff
    }
}

extension Store {
    public var commentActions: CommentActions { CommentActions(store: self) }
}

extension CommentActions {
    /// Stores a comment whose fate is already decided (demo content, imports, tests), with its event.
    public func add(_ comment: Comment, addressHash: String? = nil) async throws {
        try await store.transaction { tx in
            try await tx.comments.add(comment, ipHash: addressHash)
            try await CommentCounts.changed(from: nil, to: comment, on: tx.database)
            try await tx.record(
                DomainEvent(
                    name: comment.status == .published ? .commentPublished : .commentHeld, subjectID: comment.id,
                    actorID: comment.commenterID, occurredAt: comment.createdAt))
        }
    }

    /// Sets a comment's status directly (the Admin API's moderation call), with an audit-log line.
    public func moderate(_ id: UUID, to status: CommentStatus, by account: StaffAccount, now: Date) async throws
        -> Comment
    {
        guard account.role.moderates else { throw ActionError.notAllowed("Your role does not moderate comments.") }
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
                DomainEvent(
                    name: status == .published && old.status != .published ? .commentPublished : .commentModerated,
                    subjectID: id, actorID: account.id, occurredAt: now))
            return comment
        }
    }
}

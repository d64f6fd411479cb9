import FluentKit
import Foundation
import MastheadCore
import SQLKit

extension CommentActions {
    /// A reader's edit of their own comment, within ``EditWindow`` of posting. The new text goes through
    /// the pipeline's content checks again, so an approved comment cannot be edited into one the site
    /// refuses: a rejection leaves the comment as it was, a hold takes it off the page until a
    /// moderator reads it.
    public func edit(_ id: UUID, by commenter: Commenter, body: String, policy: ModerationPolicy, now: Date)
        async throws -> Comment
    {
        try await store.transaction { tx in
            let (record, old) = try await Self.find(id, on: tx.database)
            if let refusal = ConversationPolicy(reader: commenter, now: now).editRefusal(old) {
                throw ActionError.notAllowed(refusal.description)
            }
            // Judged as a fresh comment by a reader with this one's standing, but neither its own
            // earlier text nor the rate limits count against it.
            var context = ModerationContext(
                body: body, commenterBanned: commenter.isBanned(at: now),
                commenterPreModerated: commenter.premoderated, articlePreModerated: false,
                approvedComments: commenter.approvedCount,
                judgedComments: commenter.approvedCount + commenter.rejectedCount,
                rejectedComments: commenter.rejectedCount)
            context.isGuest = false
            var updated = old
            switch ModerationPipeline.decide(context, policy: policy) {
            case .reject(let why):
                throw ActionError.invalid([
                    why.explanation.replacingOccurrences(of: "Your comment was", with: "Your edit was")
                ])
            case .hold(let why) where old.status == .published && Self.holdsOnContent(why):
                updated.status = .pending
                updated.reason = why
            default:
                break
            }
            updated.body = body
            updated.bodyHTML = CommentText.html(body)
            updated.editedAt = now
            record.body = updated.body
            record.bodyHTML = updated.bodyHTML
            record.editedAt = now
            record.status = updated.status.rawValue
            record.reason = updated.reason?.rawValue
            try await record.update(on: tx.database)
            try await CommentCounts.changed(from: old, to: updated, on: tx.database)
            try await tx.record(
                DomainEvent(
                    name: .commentEdited, subjectID: id, actorID: commenter.id, occurredAt: now,
                    articleID: updated.articleID))
            return updated
        }
    }

    /// Holds that come from what a comment says rather than who wrote it: only these pull an edited,
    /// already published comment back for a moderator.
    static func holdsOnContent(_ reason: ModerationReason) -> Bool {
        reason == .suspectWord || reason == .linkFromNewCommenter
    }

    /// A reader deletes their own comment. Its text goes; the comment stays as "deleted" so replies keep
    /// their place.
    public func delete(_ id: UUID, by commenter: Commenter, now: Date) async throws {
        try await store.transaction { tx in
            let (record, old) = try await Self.find(id, on: tx.database)
            if let refusal = ConversationPolicy(reader: commenter, now: now).deleteRefusal(old) {
                throw ActionError.notAllowed(refusal.description)
            }
            var updated = old
            updated.deletedAt = now
            record.deletedAt = now
            record.body = ""
            record.bodyHTML = ""
            try await record.update(on: tx.database)
            try await CommentCounts.changed(from: old, to: updated, on: tx.database)
            try await tx.record(
                DomainEvent(
                    name: .commentDeleted, subjectID: id, actorID: commenter.id, occurredAt: now,
                    articleID: old.articleID))
        }
    }

    /// One Like per reader per comment: liking again takes the Like back. Returns whether the reader now
    /// likes it. Only confirmed readers like, and not their own comments (``ConversationPolicy``).
    @discardableResult
    public func toggleLike(_ id: UUID, by commenter: Commenter, now: Date) async throws -> Bool {
        try await store.transaction { tx in
            let found = try await tx.comments.find(id)
            if let refusal = ConversationPolicy(reader: commenter, now: now).likeRefusal(found) {
                throw ActionError.notAllowed(refusal.description)
            }
            guard let comment = found, comment.status == .published, !comment.isDeleted
            else { throw ActionError.notFound("That comment is no longer there.") }
            guard let sql = tx.database as? any SQLDatabase else { throw StoreError.notSQL }
            let existing = try await CommentLikeRecord.query(on: tx.database)
                .filter(\.$commentID == id).filter(\.$commenterID == commenter.id).first()
            let delta: Int
            if let existing {
                try await existing.delete(on: tx.database)
                delta = -1
            } else {
                let like = CommentLikeRecord()
                like.commentID = id
                like.commenterID = commenter.id
                like.createdAt = now
                try await like.create(on: tx.database)
                delta = 1
            }
            try await sql.update("comments")
                .set(
                    "like_count", to: SQLBinaryExpression(SQLColumn("like_count"), .add, SQLLiteral.numeric("\(delta)"))
                )
                .where("id", .equal, SQLBind(id)).run()
            try await tx.record(
                DomainEvent(
                    name: .commentLiked, subjectID: id, actorID: commenter.id, occurredAt: now,
                    articleID: comment.articleID))
            return delta > 0
        }
    }

    /// Reports from one address within ten minutes before more are refused.
    public static let reportLimit = RateLimit(count: 10, window: 10 * 60)

    public enum ReportOutcome: Sendable, Equatable {
        case reported
        case rateLimited(retryAfter: Int)
    }

    /// A reader's report of a published comment. It goes to the Reported queue; readers still see the
    /// comment until a moderator decides.
    public func report(
        _ id: UUID, report: CommentReport, by commenter: Commenter?, addressHash: String, now: Date
    ) async throws -> ReportOutcome {
        try await store.transaction { tx in
            guard let comment = try await tx.comments.find(id), comment.status == .published, !comment.isDeleted
            else { throw ActionError.notFound("That comment is no longer there.") }
            let recent = try await CommentReportRecord.query(on: tx.database)
                .filter(\.$ipHash == addressHash)
                .filter(\.$createdAt > now.addingTimeInterval(-Self.reportLimit.window))
                .all(\.$createdAt)
            if let wait = Self.reportLimit.retryAfter(
                recentCount: recent.count, oldestAge: recent.min().map { now.timeIntervalSince($0) })
            {
                return .rateLimited(retryAfter: Int(wait))
            }
            // One open report per comment from each reader or address: a second says nothing new.
            var already = CommentReportRecord.query(on: tx.database).filter(\.$commentID == id)
                .filter(\.$resolvedAt == nil)
            if let commenterID = commenter?.id {
                already = already.group(.or) {
                    $0.filter(\.$commenterID == commenterID).filter(\.$ipHash == addressHash)
                }
            } else {
                already = already.filter(\.$ipHash == addressHash)
            }
            if try await already.count() > 0 { return .reported }
            let record = CommentReportRecord()
            record.commentID = id
            record.commenterID = commenter?.id
            record.ipHash = addressHash
            record.reason = report.reason.rawValue
            record.note = report.note
            record.createdAt = now
            try await record.create(on: tx.database)
            guard let sql = tx.database as? any SQLDatabase else { throw StoreError.notSQL }
            try await sql.update("comments")
                .set("report_count", to: SQLBinaryExpression(SQLColumn("report_count"), .add, SQLLiteral.numeric("1")))
                .where("id", .equal, SQLBind(id)).run()
            try await tx.record(
                DomainEvent(name: .commentReported, subjectID: id, actorID: commenter?.id, occurredAt: now))
            return .reported
        }
    }

    /// A comment that is still there (not deleted), with its record to change.
    static func find(_ id: UUID, on database: any Database) async throws -> (CommentRecord, Comment) {
        guard let record = try await CommentRecord.find(id, on: database), let comment = record.comment,
            comment.deletedAt == nil
        else { throw ActionError.notFound("That comment is no longer there.") }
        return (record, comment)
    }
}

import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// What the newsroom's moderation screens read: the queues, the reports behind a comment, and the
/// audit log.
public struct ModerationRepository: Sendable {
    let database: any Database

    /// A comment waiting in a queue, with its story, its author's account and the reports against it.
    public struct QueuedComment: Sendable {
        public var comment: Comment
        public var story: ArticleSummary
        public var commenter: Commenter?
        public var reports: [CommentReport]
    }

    public func queue(_ queue: ModerationQueue, limit: Int = 200) async throws -> [QueuedComment] {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        // Literal values rather than binds, so that SQLite can use the partial indexes, which it can match
        // to a query only when it sees the value.
        var query = CommentRows.select(sql).where("deleted_at", .is, SQLLiteral.null)
        switch queue {
        case .pending:
            query = query.where("status", .equal, SQLLiteral.string(CommentStatus.pending.rawValue))
                .orderBy("created_at", .ascending)
        case .reported:
            query = query.where("report_count", .greaterThan, SQLLiteral.numeric("0"))
                .where("status", .equal, SQLLiteral.string(CommentStatus.published.rawValue))
                .orderBy("report_count", .descending).orderBy("created_at", .ascending)
        case .rejected:
            query = query.where("status", .equal, SQLLiteral.string(CommentStatus.rejected.rawValue))
                .orderBy("created_at", .descending)
        }
        let comments = try await CommentRows.all(query.orderBy("id", .ascending).limit(limit))
        guard !comments.isEmpty else { return [] }
        let stories = try await ArticleRecord.query(on: database).filter(\.$id ~~ Set(comments.map(\.articleID)))
            .all()
        var summaries: [UUID: ArticleSummary] = [:]
        for article in stories {
            guard let id = article.id, let slug = Slug(article.slug),
                let status = ArticleStatus(rawValue: article.status)
            else { continue }
            summaries[id] = ArticleSummary(
                id: id, slug: slug, headline: article.headline, lede: article.lede, status: status,
                publishedAt: article.publishedAt)
        }
        let commenters = try await CommenterRepository(database: database).find(Set(comments.compactMap(\.commenterID)))
        var reports: [UUID: [CommentReport]] = [:]
        if queue == .reported {
            for report in try await CommentReportRecord.query(on: database)
                .filter(\.$commentID ~~ comments.map(\.id)).filter(\.$resolvedAt == nil).sort(\.$createdAt).all()
            {
                guard let reason = ReportReason(rawValue: report.reason) else { continue }
                reports[report.commentID, default: []].append(CommentReport(reason: reason, note: report.note))
            }
        }
        return comments.compactMap { comment in
            guard let story = summaries[comment.articleID] else { return nil }
            return QueuedComment(
                comment: comment, story: story, commenter: comment.commenterID.flatMap { commenters[$0] },
                reports: reports[comment.id] ?? [])
        }
    }

    /// How many comments each queue holds, for the tabs.
    public func counts() async throws -> [ModerationQueue: Int] {
        [
            .pending: try await CommentRecord.query(on: database).filter(\.$status == CommentStatus.pending.rawValue)
                .count(),
            .reported: try await CommentRecord.query(on: database).filter(\.$reportCount > 0)
                .filter(\.$status == CommentStatus.published.rawValue).count(),
            .rejected: try await CommentRecord.query(on: database).filter(\.$status == CommentStatus.rejected.rawValue)
                .count(),
        ]
    }

    public struct LogEntry: Sendable, Equatable {
        public var moderatorName: String
        public var action: String
        public var commentID: UUID?
        public var commenterID: UUID?
        public var note: String
        public var createdAt: Date
    }

    /// The audit log, newest first.
    public func log(limit: Int = 200) async throws -> [LogEntry] {
        try await ModerationLogRecord.query(on: database).sort(\.$createdAt, .descending).limit(limit).all().map {
            LogEntry(
                moderatorName: $0.moderatorName, action: $0.action, commentID: $0.commentID,
                commenterID: $0.commenterID, note: $0.note, createdAt: $0.createdAt)
        }
    }
}

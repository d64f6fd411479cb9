import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// Keeps the counts beside a comment in step with it, in the transaction that changes it: the story's
/// published-comment count (shown on the page, in lists and in Read next) and the commenter's approved
/// and rejected tallies (the pipeline's trust ladder).
enum CommentCounts {
    static func changed(from old: Comment?, to new: Comment, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        let wasShown = old.map(isShown) ?? false
        let isShownNow = isShown(new)
        if wasShown != isShownNow {
            try await sql.update("articles")
                .set(
                    "comment_count",
                    to: SQLBinaryExpression(
                        SQLColumn("comment_count"), .add, SQLLiteral.numeric(isShownNow ? "1" : "-1"))
                )
                .where("id", .equal, SQLBind(new.articleID)).run()
        }
        guard let commenterID = new.commenterID, old?.status != new.status else { return }
        for (status, column) in [(CommentStatus.published, "approved_count"), (.rejected, "rejected_count")] {
            let delta = (new.status == status ? 1 : 0) - (old?.status == status ? 1 : 0)
            guard delta != 0 else { continue }
            try await sql.update("commenters")
                .set(column, to: SQLBinaryExpression(SQLColumn(column), .add, SQLLiteral.numeric("\(delta)")))
                .where("id", .equal, SQLBind(commenterID)).run()
        }
    }

    /// The same for a batch of new comments: one statement per story and per commenter touched.
    static func added(_ comments: [Comment], on sql: any SQLDatabase) async throws {
        var shown: [UUID: Int] = [:]
        var judged: [UUID: (approved: Int, rejected: Int)] = [:]
        for comment in comments {
            if isShown(comment) { shown[comment.articleID, default: 0] += 1 }
            if let commenterID = comment.commenterID {
                var counts = judged[commenterID] ?? (0, 0)
                if comment.status == .published { counts.approved += 1 }
                if comment.status == .rejected { counts.rejected += 1 }
                judged[commenterID] = counts
            }
        }
        for (articleID, count) in shown {
            try await sql.update("articles")
                .set("comment_count", to: SQLBinaryExpression(SQLColumn("comment_count"), .add, SQLBind(count)))
                .where("id", .equal, SQLBind(articleID)).run()
        }
        for (commenterID, counts) in judged where counts.approved > 0 || counts.rejected > 0 {
            try await sql.update("commenters")
                .set(
                    "approved_count",
                    to: SQLBinaryExpression(SQLColumn("approved_count"), .add, SQLBind(counts.approved))
                )
                .set(
                    "rejected_count",
                    to: SQLBinaryExpression(SQLColumn("rejected_count"), .add, SQLBind(counts.rejected))
                )
                .where("id", .equal, SQLBind(commenterID)).run()
        }
    }

    static func isShown(_ comment: Comment) -> Bool { comment.status == .published && !comment.isDeleted }
}

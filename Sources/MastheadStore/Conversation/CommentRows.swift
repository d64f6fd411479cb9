import Foundation
import MastheadCore
import SQLKit

/// Comments read straight from rows into ``Comment`` values, without model reflection: the article
/// page reads a page of them on every view.
enum CommentRows {
    static let columns = [
        "id", "article_id", "parent_id", "thread_id", "depth", "commenter_id", "display_name", "body", "body_html",
        "status", "reason", "badge", "like_count", "report_count", "featured", "created_at", "edited_at",
        "deleted_at",
    ]

    /// Every column, qualified and quoted once: one raw expression serialises in a fraction of the
    /// time eighteen column expressions take, on every page view.
    static let qualifiedColumns = SQLRaw(columns.map { "\"comments\".\"\($0)\"" }.joined(separator: ", "))

    /// A select of every comment column from `comments`.
    static func select(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().column(qualifiedColumns).from("comments")
    }

    static func comment(_ row: any SQLRow) throws -> Comment? {
        guard let status = CommentStatus(rawValue: try row.decode(column: "status", as: String.self)) else {
            return nil
        }
        let id = try row.decode(column: "id", as: UUID.self)
        return Comment(
            id: id, articleID: try row.decode(column: "article_id", as: UUID.self),
            parentID: try row.optional("parent_id", as: UUID.self),
            threadID: try row.optional("thread_id", as: UUID.self) ?? id,
            depth: try row.decode(column: "depth", as: Int.self),
            commenterID: try row.optional("commenter_id", as: UUID.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            bodyHTML: try row.decode(column: "body_html", as: String.self), status: status,
            reason: try row.optional("reason", as: String.self).flatMap(ModerationReason.init(rawValue:)),
            badge: try row.optional("badge", as: String.self).flatMap(CommenterBadge.init(rawValue:)),
            likeCount: try row.decode(column: "like_count", as: Int.self),
            reportCount: try row.decode(column: "report_count", as: Int.self),
            featured: try row.decode(column: "featured", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            editedAt: try row.optional("edited_at", as: Date.self),
            deletedAt: try row.optional("deleted_at", as: Date.self))
    }

    /// The comments a select of ``columns`` finds, built or written as SQL text.
    static func all(_ query: some SQLQueryFetcher) async throws -> [Comment] {
        try await query.all().compactMap(comment)
    }
}

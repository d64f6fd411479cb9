import FluentKit
import Foundation
import MastheadCore
import SQLKit

extension ArticleRepository {
    /// The visible story at `slug` as a comment's target, in one statement without model decoding: the
    /// posting path reads this on every comment.
    public func conversationTarget(slug: Slug, now: Date) async throws -> ConversationTarget? {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        let query = sql.select()
            .columns(
                ["id", "published_at", "comments_mode", "comments_premoderated"].map {
                    SQLColumn($0, table: "articles")
                }
            )
            .from("articles")
            .where(SQLColumn("slug", table: "articles"), .equal, SQLBind(slug.value))
        guard let row = try await VisibleArticles.predicate(query, now: now).limit(1).first() else { return nil }
        return ConversationTarget(
            id: try row.decode(column: "id", as: UUID.self), slug: slug,
            publishedAt: try row.decode(column: "published_at", as: Date?.self),
            conversation: ConversationSettings(
                mode: ConversationSettings.Mode(rawValue: try row.decode(column: "comments_mode", as: String.self))
                    ?? .timed,
                preModerated: try row.decode(column: "comments_premoderated", as: Bool.self)))
    }
}

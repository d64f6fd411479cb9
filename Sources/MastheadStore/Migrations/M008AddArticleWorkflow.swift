import FluentKit
import MastheadCore
import SQLKit

/// The workflow's fields on articles: the version each save names, the embargo, the editor's note on
/// an update, who created the story (for "own story" permissions), and `live`: whether the status is
/// one readers may see (published, or scheduled), so that reader lists keep one index range,
/// (live, published_at, id), rather than a sort over two statuses.
struct M008AddArticleWorkflow: AsyncMigration {
    var name: String { "008-add-article-workflow" }

    func prepare(on database: any Database) async throws {
        try await database.schema("articles")
            .field("version", .int, .required, .sql(.default(1)))
            .update()
        try await database.schema("articles").field("embargo_until", .datetime).update()
        try await database.schema("articles").field("update_note", .string).update()
        try await database.schema("articles").field("created_by", .uuid).update()
        try await database.schema("articles").field("live", .bool, .required, .sql(.default(false))).update()
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        try await sql.update("articles").set("live", to: SQLLiteral.boolean(true))
            .where("status", .in, Visibility.visibleStatuses.map(\.rawValue)).run()
        try await database.createIndex(
            "articles_live_published_at", on: "articles", columns: ["live", "published_at", "id"])
    }

    /// Raw SQL because FluentSQLiteDriver 4.9 refuses to drop columns, which SQLite has done since 3.35.
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        try await database.dropIndex("articles_live_published_at")
        for column in ["live", "created_by", "update_note", "embargo_until", "version"] {
            try await sql.raw("ALTER TABLE \(ident: "articles") DROP COLUMN \(ident: column)").run()
        }
    }
}

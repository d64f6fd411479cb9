import FluentKit
import MastheadCore
import SQLKit

/// Per-story conversation settings (open, closed, or timed; pre-moderated or not) and the site's
/// number of days a timed conversation stays open.
struct M024AddConversationSettings: AsyncMigration {
    var name: String { "024-add-conversation-settings" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds only one at a time.
        try await database.schema("articles").field("comments_mode", .string, .required, .sql(.default("timed")))
            .update()
        try await database.schema("articles")
            .field("comments_premoderated", .bool, .required, .sql(.default(false))).update()
        // Stories from before the upgrade stay open as they were; only new ones close by themselves.
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        try await sql.update("articles").set("comments_mode", to: ConversationSettings.Mode.open.rawValue).run()
        try await database.schema("site_settings")
            .field("comments_close_after_days", .int, .required, .sql(.default(14))).update()
    }

    /// Raw SQL because FluentSQLiteDriver 4.9 refuses to drop columns.
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        try await sql.raw("ALTER TABLE \(ident: "site_settings") DROP COLUMN \(ident: "comments_close_after_days")")
            .run()
        for column in ["comments_premoderated", "comments_mode"] {
            try await sql.raw("ALTER TABLE \(ident: "articles") DROP COLUMN \(ident: column)").run()
        }
    }
}

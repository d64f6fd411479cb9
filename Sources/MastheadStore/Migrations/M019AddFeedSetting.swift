import FluentKit
import SQLKit

/// Whether feeds carry whole stories or only ledes; whole stories unless a site says otherwise.
struct M019AddFeedSetting: AsyncMigration {
    var name: String { "019-add-feed-setting" }

    func prepare(on database: any Database) async throws {
        try await database.schema("site_settings")
            .field("feed_full_text", .bool, .required, .sql(.default(true))).update()
    }

    /// Raw SQL because FluentSQLiteDriver 4.9 refuses to drop columns, which SQLite has done since 3.35.
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        try await sql.raw("ALTER TABLE \(ident: "site_settings") DROP COLUMN \(ident: "feed_full_text")").run()
    }
}

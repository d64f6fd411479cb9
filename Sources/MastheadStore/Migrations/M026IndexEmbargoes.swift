import FluentKit
import SQLKit

/// The page cache asks, at start and after every story change, when the next embargo lifts
/// (``ArticleRepository/nextVisibilityChange(after:)``); without this that read every story's row.
/// Partial: few stories are ever embargoed.
struct M026IndexEmbargoes: AsyncMigration {
    var name: String { "026-index-embargoes" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL("articles_embargo_until") }
        try await sql.raw(
            "CREATE INDEX articles_embargo_until ON articles (embargo_until) WHERE embargo_until IS NOT NULL"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("articles_embargo_until")
    }
}

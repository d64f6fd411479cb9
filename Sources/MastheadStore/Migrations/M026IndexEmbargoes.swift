import FluentKit
import SQLKit

/// The page cache asks, at start and after every story change, when the next embargo lifts
/// (``ArticleRepository/nextVisibilityChange(after:)``); without this that read every story's row.
/// Partial, since few stories are ever embargoed; led by `live`, so the planner prefers it to walking
/// every live story by its publication time.
struct M026IndexEmbargoes: AsyncMigration {
    var name: String { "026-index-embargoes" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL("articles_embargo_until") }
        try await sql.raw(
            "CREATE INDEX articles_embargo_until ON articles (live, embargo_until) WHERE embargo_until IS NOT NULL"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("articles_embargo_until")
    }
}

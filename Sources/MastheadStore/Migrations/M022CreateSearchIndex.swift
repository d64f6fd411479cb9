import FluentKit
import SQLKit

/// Full-text search over headline, lede and body: an FTS5 table on SQLite, a weighted `tsvector`
/// column with a GIN index on PostgreSQL (``SearchIndex`` is the one place that knows both).
struct M022CreateSearchIndex: AsyncMigration {
    var name: String { "022-create-search-index" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        if SearchIndex.isPostgres(sql) {
            try await sql.raw("ALTER TABLE articles ADD COLUMN search_document tsvector").run()
            try await sql.raw("UPDATE articles SET search_document = \(SearchIndex.postgresDocument)").run()
            try await sql.raw("CREATE INDEX articles_search_document ON articles USING GIN (search_document)").run()
        } else {
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE article_search USING fts5(
                article_id UNINDEXED, headline, lede, body, tokenize = 'unicode61 remove_diacritics 2')
                """
            ).run()
            try await sql.raw(
                "INSERT INTO article_search (article_id, headline, lede, body) SELECT id, headline, lede, body_markdown FROM articles"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw IndexError.notSQL(name) }
        if SearchIndex.isPostgres(sql) {
            try await sql.raw("DROP INDEX articles_search_document").run()
            try await sql.raw("ALTER TABLE articles DROP COLUMN search_document").run()
        } else {
            try await sql.raw("DROP TABLE article_search").run()
        }
    }
}

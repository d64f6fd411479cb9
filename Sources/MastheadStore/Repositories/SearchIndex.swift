import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// Full-text search, the one place that knows SQLite's FTS5 from PostgreSQL's `tsvector`. The index
/// is kept by the write layer in the transaction that changes a story; results pass the same
/// visibility rule as every reader query, ranked (BM25 / `ts_rank`, headline above lede above body).
enum SearchIndex {
    static func isPostgres(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "postgresql" }

    /// The weighted document PostgreSQL stores for a row of `articles`.
    static let postgresDocument: SQLQueryString = """
        setweight(to_tsvector('simple', coalesce(headline, '')), 'A') || \
        setweight(to_tsvector('simple', coalesce(lede, '')), 'B') || \
        setweight(to_tsvector('simple', coalesce(body_markdown, '')), 'C')
        """

    /// Indexes the story as it now stands.
    static func update(_ articleID: UUID, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        if isPostgres(sql) {
            try await sql.raw("UPDATE articles SET search_document = \(postgresDocument) WHERE id = \(bind: articleID)")
                .run()
        } else {
            try await sql.raw("DELETE FROM article_search WHERE article_id = \(bind: articleID)").run()
            try await sql.raw(
                """
                INSERT INTO article_search (article_id, headline, lede, body) \
                SELECT id, headline, lede, body_markdown FROM articles WHERE id = \(bind: articleID)
                """
            ).run()
        }
    }

    static func removeAll(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        if !isPostgres(sql) { try await sql.raw("DELETE FROM article_search").run() }
    }

    /// Two statements: the first ranks the matches and keeps one page of ids; the second reads those
    /// stories and builds their snippets. In one statement both databases build a snippet for every
    /// match before sorting (the select list is evaluated below the sort), which made a common word
    /// over a large archive cost most of a second.
    static func search(
        _ query: SearchQuery, in scope: SearchScope, now: Date, limit: Int, offset: Int, on database: any Database
    ) async throws -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        do {
            let ranked = try await ranked(query, in: scope, now: now, limit: limit, offset: offset, on: sql)
            guard !ranked.isEmpty else { return [] }
            let hits = try await hits(query, for: ranked, on: sql)
            return ranked.compactMap { hits[$0.id] }
        } catch {
            // SearchQuery quotes every term, so this should not happen; if a database still finds a
            // query it cannot read, the reader gets no results rather than an error page.
            database.logger.warning("Search for \(query.fts5.debugDescription) failed: \(String(reflecting: error))")
            return []
        }
    }

    /// How many of the newest matches a search ranks. News readers look for recent stories, and ranking
    /// every match of a common word over a large archive cost most of a second on both databases
    /// (BM25 / `ts_rank` for each of tens of thousands of rows); the newest 2,000 cost about 13 ms.
    /// An older story is found by a more telling word, a phrase, or a date filter.
    static let rankedMatches = 2_000

    /// One page of matching visible stories, best first (BM25 / `ts_rank`, headline above lede above
    /// body) among the newest ``rankedMatches``, newer first among equals; on SQLite with each story's
    /// row in the FTS5 table.
    private static func ranked(
        _ query: SearchQuery, in scope: SearchScope, now: Date, limit: Int, offset: Int, on sql: any SQLDatabase
    ) async throws -> [(id: UUID, ftsRow: Int?)] {
        if isPostgres(sql) {
            let tsquery = SQLFunction("to_tsquery", args: SQLLiteral.string("simple"), SQLBind(query.tsquery))
            var newest = sql.select()
                .columns(["id", "search_document", "published_at"].map { SQLColumn($0, table: "articles") })
                .from("articles")
                .where(SQLColumn("search_document", table: "articles"), SQLRaw("@@"), tsquery)
            newest = scope.predicate(VisibleArticles.predicate(newest, now: now))
            newest = newest.orderBy(SQLColumn("published_at", table: "articles"), SQLDirection.descending)
                .limit(rankedMatches)
            return try await sql.select().column(SQLColumn("id", table: "newest"))
                .from(SQLAlias(SQLGroupExpression(newest.select), as: SQLIdentifier("newest")))
                .orderBy(
                    SQLFunction("ts_rank", args: SQLColumn("search_document", table: "newest"), tsquery),
                    SQLDirection.descending
                )
                .orderBy(SQLColumn("published_at", table: "newest"), SQLDirection.descending)
                .limit(limit).offset(offset).all()
                .map { (try $0.decode(column: "id", as: UUID.self), nil) }
        }
        // FTS5 walks its matches newest row first and stops at the cap, scoring only those. Rows are
        // added as stories are written (and again when edited), so the newest rows are the stories most
        // recently written, not always the most recently published: an archive imported oldest-last
        // would rank its oldest. With a topic, author or date filter every match in scope is scored.
        let cap = scope == SearchScope() ? "ORDER BY rowid DESC LIMIT \(rankedMatches)" : ""
        let matches = SQLQueryString(
            """
            SELECT rowid AS fts_row, article_id, \
            bm25(article_search, 0, 10, 5, 1) AS score \
            FROM article_search WHERE article_search MATCH \(bind: query.fts5) \(unsafeRaw: cap)
            """)
        var select = sql.select().column(SQLColumn("id", table: "articles"))
            .column(SQLColumn("fts_row", table: "matches"))
            .from(SQLAlias(SQLGroupExpression(matches), as: SQLIdentifier("matches")))
            // CROSS JOIN fixes SQLite's join order: the matches first, each looked up in `articles`.
            // Left to itself the planner walked `articles` by its visibility index and ran the FTS5
            // query again for every story, which took minutes.
            .join(
                SQLIdentifier("articles"), method: SQLRaw("CROSS"), on: SQLColumn("id", table: "articles"), .equal,
                SQLColumn("article_id", table: "matches")
            )
        select = scope.predicate(VisibleArticles.predicate(select, now: now))
        return try await select.orderBy(SQLColumn("score", table: "matches"))
            .orderBy(SQLColumn("published_at", table: "articles"), SQLDirection.descending)
            .limit(limit).offset(offset).all()
            .map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "fts_row", as: Int.self)) }
    }

    /// The stories with these ids, each with its snippet: escaped text with the matches marked.
    private static func hits(_ query: SearchQuery, for ranked: [(id: UUID, ftsRow: Int?)], on sql: any SQLDatabase)
        async throws -> [UUID: SearchHit]
    {
        let columns = ["id", "slug", "headline", "lede", "status", "published_at"].map {
            SQLColumn($0, table: "articles")
        }
        let start = String(SearchSnippet.start)
        let end = String(SearchSnippet.end)
        let rows: [any SQLRow]
        if isPostgres(sql) {
            let tsquery = SQLFunction("to_tsquery", args: SQLLiteral.string("simple"), SQLBind(query.tsquery))
            rows = try await sql.select().columns(columns)
                .column(
                    SQLFunction(
                        "ts_headline",
                        args: SQLLiteral.string("simple"), SQLColumn("body_markdown", table: "articles"), tsquery,
                        SQLBind("StartSel=\(start),StopSel=\(end),MaxWords=30,MinWords=12,MaxFragments=2")),
                    as: "snippet"
                )
                .from("articles").where(SQLColumn("id", table: "articles"), .in, SQLBind.group(ranked.map(\.id)))
                .all()
        } else {
            // FTS5 builds a snippet only inside a MATCH query; the rows found by rank keep it to this page.
            rows = try await sql.select().columns(columns)
                .column(
                    SQLFunction(
                        "snippet",
                        args: SQLIdentifier("article_search"), SQLLiteral.numeric("3"), SQLBind(start), SQLBind(end),
                        SQLBind("…"), SQLLiteral.numeric("24")),
                    as: "snippet"
                )
                .from("article_search")
                .join(
                    SQLIdentifier("articles"), on: SQLColumn("id", table: "articles"), .equal,
                    SQLColumn("article_id", table: "article_search")
                )
                .where(SQLIdentifier("article_search"), SQLRaw("MATCH"), SQLBind(query.fts5))
                .where(SQLColumn("rowid", table: "article_search"), .in, SQLBind.group(ranked.compactMap(\.ftsRow)))
                .all()
        }
        var hits: [UUID: SearchHit] = [:]
        for row in rows {
            guard let slug = Slug(try row.decode(column: "slug", as: String.self)),
                let status = ArticleStatus(rawValue: try row.decode(column: "status", as: String.self))
            else { continue }
            let id = try row.decode(column: "id", as: UUID.self)
            let story = ArticleSummary(
                id: id, slug: slug, headline: try row.decode(column: "headline", as: String.self),
                lede: try row.decode(column: "lede", as: String.self), status: status,
                publishedAt: try row.decode(column: "published_at", as: Date?.self), primaryTopic: nil)
            hits[id] = SearchHit(
                story: story, snippetHTML: SearchSnippet.html(try row.decode(column: "snippet", as: String?.self) ?? "")
            )
        }
        return hits
    }
}

extension ArticleRepository {
    /// Visible stories matching `query` within `scope`, best first, `limit` from `offset`.
    public func search(
        _ query: SearchQuery, in scope: SearchScope = SearchScope(), now: Date, limit: Int, offset: Int = 0
    ) async throws -> [SearchHit] {
        try await SearchIndex.search(query, in: scope, now: now, limit: limit, offset: offset, on: database)
    }
}

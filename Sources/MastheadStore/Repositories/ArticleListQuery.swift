import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// The newest-first story list behind the home, topic and author pages and Read next, written in
/// SQLKit because it is the hottest query on the site: one statement with the primary topic joined
/// in, no article bodies, and rows decoded without model reflection. Keyset pagination on
/// (published_at, id), served by the `articles_live_published_at` index.
struct ArticleListQuery {
    enum Scope {
        case site
        case topic(UUID)
        case entity(UUID)
        case author(UUID)
    }

    let scope: Scope
    let now: Date
    let cursor: ArticleCursor?
    let limit: Int
    /// Only stories published at or after this time (the Content API's `since`).
    var since: Date? = nil

    func run(on database: any Database) async throws -> ArticleSlice {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        let rows = try await select(on: sql).all()
        return ArticleSlice(fetched: try rows.compactMap(Self.summary), pageSize: limit)
    }

    func select(on sql: any SQLDatabase) -> SQLSelectBuilder {
        // A topic or entity list walks its link table's own (subject, live, published_at) index, which
        // carries copies of the story's visibility (``DiscoveryLinks``); the site and author lists walk
        // `articles`. Either way the walk is newest first and stops after one page.
        let driver: (table: String, idColumn: String)
        switch scope {
        case .site, .author: driver = ("articles", "id")
        case .topic: driver = ("article_topics", "article_id")
        case .entity: driver = ("article_entities", "article_id")
        }
        let publishedAt = SQLColumn("published_at", table: driver.table)
        let id = SQLColumn(driver.idColumn, table: driver.table)
        var query = sql.select().from(driver.table)
        if driver.table != "articles" {
            query = query.join(SQLIdentifier("articles"), on: SQLColumn("id", table: "articles"), .equal, id)
                .where(VisibleArticles.released(now: now, table: driver.table))
        }
        query = VisibleArticles.predicate(Self.selectingSummaries(query), now: now)
        switch scope {
        case .site:
            break
        case .topic(let topicID):
            query = query.where(SQLColumn("topic_id", table: "article_topics"), .equal, SQLBind(topicID))
        case .entity(let entityID):
            query = query.where(SQLColumn("entity_id", table: "article_entities"), .equal, SQLBind(entityID))
        case .author(let authorID):
            query = query.join(SQLIdentifier("bylines"), on: SQLColumn("article_id", table: "bylines"), .equal, id)
                .where(SQLColumn("author_id", table: "bylines"), .equal, SQLBind(authorID))
        }
        if let since { query = query.where(publishedAt, .greaterThanOrEqual, SQLBind(since)) }
        if let cursor {
            query = query.where(group: { older in
                older.where(publishedAt, .lessThan, SQLBind(cursor.publishedAt))
                    .orWhere(group: { same in
                        same.where(publishedAt, .equal, SQLBind(cursor.publishedAt)).where(
                            id, .lessThan, SQLBind(cursor.id))
                    })
            })
        }
        return query.orderBy(publishedAt, SQLDirection.descending).orderBy(id, SQLDirection.descending)
            .limit(limit + 1)
    }

    /// The columns as one raw expression, quoted once: it serialises far faster than ten expressions.
    static let summaryColumns = SQLRaw(
        ["id", "slug", "headline", "lede", "status", "published_at", "comment_count"].map { "\"articles\".\"\($0)\"" }
            .joined(separator: ", ")
            + #", "topics"."id" AS "topic_id", "topics"."name" AS "topic_name", "topics"."slug" AS "topic_slug""#)

    /// What ``summary(_:)`` reads: a story's list columns, and its primary topic joined in. Applied
    /// once `articles` is in the query, by every statement that lists stories.
    static func selectingSummaries(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
        query.column(summaryColumns)
            .join(
                SQLIdentifier("topics"), method: SQLJoinMethod.left,
                on: SQLColumn("primary_topic_id", table: "articles"), .equal, SQLColumn("id", table: "topics")
            )
    }

    static func summary(_ row: any SQLRow) throws -> ArticleSummary? {
        guard let slug = Slug(try row.decode(column: "slug", as: String.self)),
            let status = ArticleStatus(rawValue: try row.decode(column: "status", as: String.self))
        else { return nil }
        return ArticleSummary(
            id: try row.decode(column: "id", as: UUID.self), slug: slug,
            headline: try row.decode(column: "headline", as: String.self),
            lede: try row.decode(column: "lede", as: String.self), status: status,
            publishedAt: try row.optional("published_at", as: Date.self), primaryTopic: try primaryTopic(row),
            commentCount: try row.decode(column: "comment_count", as: Int.self))
    }

    /// The primary topic joined in as `topic_id`, `topic_name` and `topic_slug`, when the story has one.
    static func primaryTopic(_ row: any SQLRow) throws -> Topic? {
        guard let id = try row.optional("topic_id", as: UUID.self),
            let slug = Slug(try row.decode(column: "topic_slug", as: String.self))
        else { return nil }
        return Topic(id: id, name: try row.decode(column: "topic_name", as: String.self), slug: slug)
    }
}

import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// What feeds and sitemaps read: whole stories for feeds, addresses and dates for sitemaps. Every one
/// filters through ``VisibleArticles``, so an embargoed or scheduled story is in none of them early.
extension ArticleRepository {
    public enum FeedScope: Sendable {
        case site
        case topic(UUID)
        case author(UUID)
    }

    /// The newest visible stories with their bodies, topics, bylines and corrections.
    public func feed(_ scope: FeedScope, now: Date, limit: Int) async throws -> [Article] {
        var query = VisibleArticles.filter(ArticleRecord.query(on: database), now: now)
        switch scope {
        case .site:
            break
        case .topic(let topicID):
            query = query.join(ArticleTopicRecord.self, on: \ArticleRecord.$id == \ArticleTopicRecord.$article.$id)
                .filter(ArticleTopicRecord.self, \.$topic.$id == topicID)
        case .author(let authorID):
            query = query.join(BylineRecord.self, on: \ArticleRecord.$id == \BylineRecord.$article.$id)
                .filter(BylineRecord.self, \.$author.$id == authorID)
        }
        let records = try await fullyLoaded(
            query.sort(\.$publishedAt, .descending).sort(\.$id, .descending).limit(limit))
        return records.compactMap(\.article)
    }

    /// How many visible stories there are, for the number of article sitemaps.
    public func visibleCount(now: Date) async throws -> Int {
        try await VisibleArticles.filter(ArticleRecord.query(on: database), now: now).count()
    }

    /// One article sitemap's worth of stories, oldest first, so that a page's contents only change
    /// when a story in it changes: a slug and the time it last changed.
    public func sitemapPage(_ page: Int, size: Int, now: Date) async throws -> [(slug: Slug, lastModified: Date)] {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        var query = sql.select().columns("slug", "published_at", "updated_at").from(ArticleRecord.schema)
        query = VisibleArticles.predicate(query, now: now)
        let rows = try await query.orderBy(SQLColumn("published_at", table: "articles"))
            .orderBy(SQLColumn("id", table: "articles")).limit(size).offset(page * size).all()
        return try rows.compactMap { row in
            guard let slug = Slug(try row.decode(column: "slug", as: String.self)),
                let published = try row.decode(column: "published_at", as: Date?.self)
            else { return nil }
            let updated = try row.decode(column: "updated_at", as: Date?.self)
            return (slug, max(updated ?? published, published))
        }
    }

    /// Stories published since `since`, newest first, for the Google News sitemap.
    public func published(since: Date, now: Date, limit: Int) async throws -> [(
        slug: Slug, headline: String, published: Date
    )] {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        var query = sql.select().columns("slug", "headline", "published_at").from(ArticleRecord.schema)
        query = VisibleArticles.predicate(query, now: now)
            .where(SQLColumn("published_at", table: "articles"), .greaterThanOrEqual, SQLBind(since))
        let rows = try await query.orderBy(SQLColumn("published_at", table: "articles"), SQLDirection.descending)
            .limit(limit).all()
        return try rows.compactMap { row in
            guard let slug = Slug(try row.decode(column: "slug", as: String.self)),
                let published = try row.decode(column: "published_at", as: Date?.self)
            else { return nil }
            return (slug, try row.decode(column: "headline", as: String.self), published)
        }
    }
}

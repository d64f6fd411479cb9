import FluentKit
import Foundation
import MastheadCore
import SQLKit

extension ArticleRepository {
    /// The Read next rail under a story. "Related" serves the rail ``DiscoveryIndex`` stored for the
    /// story (already padded with the newest stories when few were related) in one indexed statement,
    /// its entries passing the visibility rule at serve time, so a scheduled story joins when its
    /// time comes. A story with no stored rail yet gets the newest stories, as "latest" does.
    public func readNext(for articleID: UUID, mode: ReadNextMode, now: Date, limit: Int = ReadNext.railLength)
        async throws -> [ArticleSummary]
    {
        if mode == .related {
            let related = try await storedRail(of: articleID, now: now, limit: limit)
            if !related.isEmpty { return related }
        }
        return try await latestRail(for: articleID, now: now, limit: limit)
    }

    /// The rail of the newest stories but this one: the `latest` mode, and what `related` falls back to
    /// for a story with no rail of its own.
    func latestRail(for articleID: UUID, now: Date, limit: Int) async throws -> [ArticleSummary] {
        let newest = try await latest(now: now, limit: limit + 1).articles
        return ReadNext.pick(for: articleID, from: newest, now: now, limit: limit)
    }

    private func storedRail(of articleID: UUID, now: Date, limit: Int) async throws -> [ArticleSummary] {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        var query = sql.select().from("read_next")
            .join(
                "articles", on: SQLColumn("id", table: "articles"), .equal, SQLColumn("related_id", table: "read_next")
            )
            .where(SQLColumn("article_id", table: "read_next"), .equal, SQLBind(articleID))
        query = VisibleArticles.predicate(ArticleListQuery.selectingSummaries(query), now: now)
        return try await query.orderBy(SQLColumn("position", table: "read_next"), SQLDirection.ascending).limit(limit)
            .all()
            .compactMap(ArticleListQuery.summary)
    }
}

import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// ``Visibility`` as SQL, written once: every reader-facing query (pages, lists, Read next, and the
/// feeds, API and search to come) filters through one of these two forms of the same predicate.
/// `live` stands for the status half of the rule (see `M008AddArticleWorkflow`).
enum VisibleArticles {
    /// For FluentKit queries on `ArticleRecord`.
    static func filter(_ query: QueryBuilder<ArticleRecord>, now: Date) -> QueryBuilder<ArticleRecord> {
        query.filter(\.$live == true)
            .filter(\.$publishedAt <= now)
            .group(.or) { $0.filter(\.$embargoUntil == nil).filter(\.$embargoUntil <= now) }
    }

    /// For SQLKit queries with `articles` in the FROM clause.
    static func predicate<Builder: SQLPredicateBuilder>(_ builder: Builder, now: Date) -> Builder {
        builder.where(SQLColumn("live", table: "articles"), .equal, SQLLiteral.boolean(true))
            .where(SQLColumn("published_at", table: "articles"), .lessThanOrEqual, SQLBind(now))
            .where(group: { embargo in
                embargo.where(SQLColumn("embargo_until", table: "articles"), .is, SQLLiteral.null)
                    .orWhere(SQLColumn("embargo_until", table: "articles"), .lessThanOrEqual, SQLBind(now))
            })
    }
}

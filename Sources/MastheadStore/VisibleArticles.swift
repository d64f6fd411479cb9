import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// ``Visibility`` as SQL, written once: one expression that every reader-facing query (pages, lists,
/// Read next, feeds, the API, search) composes, whether built with SQLKit or FluentKit or written as
/// SQL text (`\(VisibleArticles.rule(now: now, table: "a"))`). `live` stands for the status half of the
/// rule (see `M008AddArticleWorkflow`). A test fails if the rule's SQL is written anywhere else.
///
/// The expression's text depends only on `table`, never on `now` (a bind), so a statement that embeds it
/// has the same text on every call and stays in ``SQLiteReads``' statement cache.
enum VisibleArticles {
    /// Published or scheduled, its time come, and no embargo holding it back: the story in `table`
    /// (`articles`, or the name a statement gives it) is one readers may see at `now`.
    static func rule(now: Date, table: String = "articles") -> SQLGroupExpression {
        let embargoLifted = SQLGroupExpression(
            SQLBinaryExpression(
                SQLBinaryExpression(SQLColumn("embargo_until", table: table), .is, SQLLiteral.null), .or,
                SQLBinaryExpression(SQLColumn("embargo_until", table: table), .lessThanOrEqual, SQLBind(now))))
        return SQLGroupExpression(SQLBinaryExpression(released(now: now, table: table), .and, embargoLifted))
    }

    /// The rule without its embargo half: the part that the link tables (`article_topics`,
    /// `article_entities`, `statements`) carry copies of (``DiscoveryLinks``) for their own indexes to
    /// walk, and that the discovery index ranks by. Never enough on its own for what readers see.
    static func released(now: Date, table: String) -> SQLBinaryExpression {
        SQLBinaryExpression(
            SQLBinaryExpression(SQLColumn("live", table: table), .equal, SQLLiteral.boolean(true)), .and,
            SQLBinaryExpression(SQLColumn("published_at", table: table), .lessThanOrEqual, SQLBind(now)))
    }

    /// For FluentKit queries on `ArticleRecord`.
    static func filter(_ query: QueryBuilder<ArticleRecord>, now: Date) -> QueryBuilder<ArticleRecord> {
        query.filter(.custom(rule(now: now, table: ArticleRecord.schema)))
    }

    /// For SQLKit queries with `articles` in the FROM clause.
    static func predicate<Builder: SQLPredicateBuilder>(_ builder: Builder, now: Date) -> Builder {
        builder.where(rule(now: now))
    }
}

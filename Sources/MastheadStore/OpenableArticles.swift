import Foundation
import MastheadCore
import SQLKit

/// ``StaffPolicy/mayOpen(_:creator:)`` as SQL, for queries with `articles` in the FROM
/// clause: the newsroom's lists show an account only the stories it may open, and filter in the
/// statement so that a page of rows is a page of stories it may see.
enum OpenableArticles {
    static func predicate<Builder: SQLPredicateBuilder>(_ builder: Builder, account: StaffAccount) -> Builder {
        // The role decides first: every story, none, or its own.
        if account.policy.allows(.openArticle(own: false)) { return builder }
        guard account.policy.allows(.openArticle(own: true)) else {
            return builder.where(SQLLiteral.numeric("1"), .equal, SQLLiteral.numeric("0"))
        }
        // Its own, as `StaffPolicy.isOwn` counts them: it created the story, or is in its byline.
        return builder.where(group: { own in
            let created = own.where(SQLColumn("created_by", table: "articles"), .equal, SQLBind(account.id))
            guard let authorID = account.authorID else { return created }
            return created.orWhere(
                SQLQueryString(
                    "EXISTS (SELECT 1 FROM bylines WHERE bylines.article_id = articles.id AND bylines.author_id = \(bind: authorID))"
                ))
        })
    }
}

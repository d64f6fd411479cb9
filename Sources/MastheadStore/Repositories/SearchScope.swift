import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// ``SearchFilters`` with the topic and author found: what the database filters on.
public struct SearchScope: Sendable, Equatable {
    public var topicID: UUID?
    public var authorID: UUID?
    public var from: Date?
    public var until: Date?

    public init(topicID: UUID? = nil, authorID: UUID? = nil, from: Date? = nil, until: Date? = nil) {
        self.topicID = topicID
        self.authorID = authorID
        self.from = from
        self.until = until
    }

    func predicate<Builder: SQLPredicateBuilder>(_ builder: Builder) -> Builder {
        var builder = builder
        if let topicID {
            builder = builder.where(
                SQLQueryString(
                    "EXISTS (SELECT 1 FROM article_topics WHERE article_topics.article_id = articles.id AND article_topics.topic_id = \(bind: topicID))"
                ))
        }
        if let authorID {
            builder = builder.where(
                SQLQueryString(
                    "EXISTS (SELECT 1 FROM bylines WHERE bylines.article_id = articles.id AND bylines.author_id = \(bind: authorID))"
                ))
        }
        let publishedAt = SQLColumn("published_at", table: "articles")
        if let from { builder = builder.where(publishedAt, .greaterThanOrEqual, SQLBind(from)) }
        if let until { builder = builder.where(publishedAt, .lessThan, SQLBind(until)) }
        return builder
    }
}

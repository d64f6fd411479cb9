import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// The newsroom's story lists: any status, filtered by status, topic and author, each row with its
/// latest revision's author and time, in one statement (the revision joined on the story's version).
public struct DeskQuery: Sendable {
    public var status: ArticleStatus?
    public var topicID: UUID?
    public var authorID: UUID?
    public var limit: Int
    /// The account the list is for: only the stories it may open (``OpenableArticles``). Without
    /// one, every story, for the command line and tests.
    public var viewer: StaffAccount?

    public init(
        status: ArticleStatus? = nil, topicID: UUID? = nil, authorID: UUID? = nil, limit: Int = 50,
        viewer: StaffAccount? = nil
    ) {
        self.status = status
        self.topicID = topicID
        self.authorID = authorID
        self.limit = limit
        self.viewer = viewer
    }

    func run(on database: any Database) async throws -> [DeskEntry] {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        let articles = { (column: String) in SQLColumn(column, table: "articles") }
        let revisions = { (column: String) in SQLColumn(column, table: "revisions") }
        var query = sql.select()
            .columns(["id", "slug", "headline", "status", "published_at"].map(articles))
            .column(revisions("saved_by_name"))
            .column(revisions("saved_at"))
            .from("articles")
            .join(
                SQLIdentifier("revisions"), method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(revisions("article_id"), .equal, articles("id")), .and,
                    SQLBinaryExpression(revisions("version"), .equal, articles("version"))))
        if let status { query = query.where(articles("status"), .equal, SQLBind(status.rawValue)) }
        if let viewer { query = OpenableArticles.predicate(query, account: viewer) }
        if let topicID {
            query = query.join(
                SQLIdentifier("article_topics"), on: SQLColumn("article_id", table: "article_topics"), .equal,
                articles("id")
            )
            .where(SQLColumn("topic_id", table: "article_topics"), .equal, SQLBind(topicID))
        }
        if let authorID {
            query = query.join(
                SQLIdentifier("bylines"), on: SQLColumn("article_id", table: "bylines"), .equal, articles("id")
            )
            .where(SQLColumn("author_id", table: "bylines"), .equal, SQLBind(authorID))
        }
        let rows = try await query.orderBy(revisions("saved_at"), SQLDirection.descending)
            .orderBy(articles("id"), SQLDirection.descending).limit(limit).all()
        return try rows.compactMap { row in
            guard let slug = Slug(try row.decode(column: "slug", as: String.self)),
                let status = ArticleStatus(rawValue: try row.decode(column: "status", as: String.self))
            else { return nil }
            return DeskEntry(
                id: try row.decode(column: "id", as: UUID.self), slug: slug,
                headline: try row.decode(column: "headline", as: String.self), status: status,
                publishedAt: try row.decode(column: "published_at", as: Date?.self),
                savedByName: try row.decode(column: "saved_by_name", as: String?.self) ?? "",
                savedAt: try row.decode(column: "saved_at", as: Date?.self) ?? .distantPast)
        }
    }
}

extension ArticleRepository {
    /// Stories for the newsroom's lists, whatever their status; newest saves first.
    public func desk(_ query: DeskQuery) async throws -> [DeskEntry] {
        try await query.run(on: database)
    }
}

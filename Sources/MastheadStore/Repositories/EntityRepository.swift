import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// Named entities and what the stories say of them, read with SQLKit: the entity pages, the article
/// page's "Who said what" box and the newsroom's list. Written by ``DiscoveryIndex`` (from stories) and
/// ``EntityActions`` (editors' corrections).
public struct EntityRepository: Sendable {
    let database: any Database

    var sql: any SQLDatabase {
        get throws {
            guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
            return sql
        }
    }

    /// The entity at this page address, unless editors marked it "not an entity".
    public func find(kind: EntityKind, slug: Slug) async throws -> Entity? {
        try await sql.select().columns("id", "kind", "name", "slug").from("entities")
            .where("kind", .equal, kind.rawValue).where("slug", .equal, slug.value)
            .where("ignored", .equal, SQLLiteral.boolean(false))
            .first().flatMap(Self.entity)
    }

    /// An entity editors have not ruled out.
    public func find(id: UUID) async throws -> Entity? {
        try await sql.select().columns("id", "kind", "name", "slug").from("entities").where("id", .equal, id)
            .where("ignored", .equal, SQLLiteral.boolean(false))
            .first().flatMap(Self.entity)
    }

    /// The entities the newsroom corrects, those named in most stories first, with their story counts.
    public func list(limit: Int = 500) async throws -> [(entity: Entity, stories: Int)] {
        let rows = try await sql.raw(
            """
            SELECT e.id, e.kind, e.name, e.slug, COUNT(ae.article_id) AS stories FROM entities e \
            LEFT JOIN article_entities ae ON ae.entity_id = e.id WHERE e.ignored = \(SQLLiteral.boolean(false)) \
            GROUP BY e.id, e.kind, e.name, e.slug ORDER BY stories DESC, e.name LIMIT \(literal: limit)
            """
        ).all()
        return try rows.compactMap { row in
            guard let entity = try Self.entity(row) else { return nil }
            return (entity, try row.decode(column: "stories", as: Int.self))
        }
    }

    /// Names editors marked "not an entity", for the newsroom to undo.
    public func ignoredNames() async throws -> [(id: UUID, name: String)] {
        try await sql.select().columns("id", "name").from("entities")
            .where("ignored", .equal, SQLLiteral.boolean(true)).orderBy("name").all()
            .map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) }
    }

    /// A person's statements in visible stories, newest story first, walked from the entity's own
    /// index on `statements` (which carries copies of the story's visibility).
    public func statements(of entity: Entity, now: Date, limit: Int = 50) async throws -> [QuotedStatement] {
        var query = try sql.select()
            .column(SQLColumn("text", table: "statements"))
            .from("statements")
            .join(
                "articles", on: SQLColumn("id", table: "articles"), .equal, SQLColumn("article_id", table: "statements")
            )
            .where(SQLColumn("entity_id", table: "statements"), .equal, SQLBind(entity.id))
            .where(VisibleArticles.released(now: now, table: "statements"))
        query = VisibleArticles.predicate(ArticleListQuery.selectingSummaries(query), now: now)
        return try await query.orderBy(SQLColumn("published_at", table: "statements"), SQLDirection.descending)
            .orderBy(SQLColumn("position", table: "statements"), SQLDirection.ascending)
            .limit(limit).all().compactMap { row in
                guard let story = try ArticleListQuery.summary(row) else { return nil }
                return QuotedStatement(
                    speaker: entity, text: try row.decode(column: "text", as: String.self), story: story)
            }
    }

    static func entity(_ row: any SQLRow) throws -> Entity? {
        guard let kind = EntityKind(rawValue: try row.decode(column: "kind", as: String.self)),
            let slug = Slug(try row.decode(column: "slug", as: String.self))
        else { return nil }
        return Entity(
            id: try row.decode(column: "id", as: UUID.self), kind: kind,
            name: try row.decode(column: "name", as: String.self), slug: slug)
    }
}

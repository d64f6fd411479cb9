import Foundation
import MastheadCore
import SQLKit

/// What the article page shows around a story, read in one statement: its Read next rail, the
/// people, places and organisations it names, and who said what in it. Each of the three was a
/// statement of its own, and on SQLite a statement's trips between threads cost more CPU than the
/// query itself.
public struct ArticleSurroundings: Sendable {
    public var readNext: [ArticleSummary]
    public var entities: [Entity]
    public var statements: [(speaker: Entity, text: String)]
}

extension ArticleRepository {
    /// One row shape for all three parts, typed by the first: the rail's stories, then entities (`ord`
    /// ranks them as the entities query did), then statements with their text. The rail is read from
    /// `read_next` first, joined to `articles` by id: written as a plain join, SQLite (which keeps no
    /// statistics) walked every live story by publication time instead, 120 ms at 100,000 stories.
    static func surroundingsQuery(of articleID: UUID, now: Date) -> SQLQueryString {
        """
        SELECT 0 AS part, r.position AS ord, a.id AS id, a.slug AS slug, a.headline AS headline, \
        a.lede AS lede, a.status AS status, a.published_at AS published_at, a.comment_count AS comment_count, \
        t.id AS topic_id, t.name AS topic_name, t.slug AS topic_slug \
        FROM read_next r CROSS JOIN articles a LEFT JOIN topics t ON t.id = a.primary_topic_id \
        WHERE r.article_id = \(bind: articleID) AND a.id = r.related_id \
        AND \(VisibleArticles.rule(now: now, table: "a")) \
        UNION ALL SELECT 1, ROW_NUMBER() OVER (ORDER BY l.mentions DESC, e.name ASC), e.id, e.slug, e.name, \
        NULL, e.kind, NULL, 0, NULL, NULL, NULL \
        FROM article_entities l JOIN entities e ON e.id = l.entity_id \
        WHERE l.article_id = \(bind: articleID) AND e.ignored = \(false) \
        UNION ALL SELECT 2, s.position, e.id, e.slug, e.name, s.text, e.kind, NULL, 0, NULL, NULL, NULL \
        FROM statements s JOIN entities e ON e.id = s.entity_id \
        WHERE s.article_id = \(bind: articleID) AND e.ignored = \(false)
        """
    }

    public func surroundings(
        of articleID: UUID, readNext mode: ReadNextMode, now: Date, railLength: Int = ReadNext.railLength,
        entityLimit: Int = 12
    ) async throws -> ArticleSurroundings {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        let query = Self.surroundingsQuery(of: articleID, now: now)
        var rail: [(Int, ArticleSummary)] = []
        var entities: [(Int, Entity)] = []
        var statements: [(Int, Entity, String)] = []
        for row in try await sql.raw(query).all() {
            let order = try row.decode(column: "ord", as: Int.self)
            switch try row.decode(column: "part", as: Int.self) {
            case 0:
                if let story = try ArticleListQuery.summary(row) { rail.append((order, story)) }
            default:
                guard let kind = EntityKind(rawValue: try row.decode(column: "status", as: String.self)),
                    let slug = Slug(try row.decode(column: "slug", as: String.self))
                else { continue }
                let entity = Entity(
                    id: try row.decode(column: "id", as: UUID.self), kind: kind,
                    name: try row.decode(column: "headline", as: String.self), slug: slug)
                if try row.decode(column: "part", as: Int.self) == 1 {
                    entities.append((order, entity))
                } else {
                    statements.append((order, entity, try row.decode(column: "lede", as: String.self)))
                }
            }
        }
        var readNext = rail.sorted { $0.0 < $1.0 }.prefix(railLength).map(\.1)
        if mode == .latest || readNext.isEmpty {
            readNext = try await latestRail(for: articleID, now: now, limit: railLength)
        }
        return ArticleSurroundings(
            readNext: readNext, entities: entities.sorted { $0.0 < $1.0 }.prefix(entityLimit).map(\.1),
            statements: statements.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) })
    }
}

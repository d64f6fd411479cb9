import Foundation
import MastheadCore
import SQLKit

/// What ``RelatedArticles`` needs to know of stories, read in a handful of statements however many
/// stories are asked for (in chunks, to stay under the databases' limits on bound values).
enum RelatedProfiles {
    struct Loaded {
        var profile: RelatedProfile
        var live: Bool
    }

    static let chunkSize = 500

    static func load(_ ids: [UUID], on sql: any SQLDatabase) async throws -> [Loaded] {
        var loaded: [Loaded] = []
        for start in stride(from: 0, to: ids.count, by: chunkSize) {
            loaded += try await loadChunk(Array(ids[start..<min(start + chunkSize, ids.count)]), on: sql)
        }
        return loaded
    }

    private static func loadChunk(_ ids: [UUID], on sql: any SQLDatabase) async throws -> [Loaded] {
        guard !ids.isEmpty else { return [] }
        var topics: [UUID: [(id: UUID, name: String)]] = [:]
        for row in try await sql.select()
            .columns(SQLColumn("article_id", table: "article_topics"), SQLColumn("topic_id", table: "article_topics"))
            .column(SQLColumn("name", table: "topics"))
            .from("article_topics")
            .join(
                "topics", on: SQLColumn("id", table: "topics"), .equal, SQLColumn("topic_id", table: "article_topics")
            )
            .where(SQLColumn("article_id", table: "article_topics"), .in, SQLBind.group(ids)).all()
        {
            topics[try row.decode(column: "article_id", as: UUID.self), default: []].append(
                (
                    try row.decode(column: "topic_id", as: UUID.self),
                    try row.decode(column: "name", as: String.self)
                ))
        }
        var entities: [UUID: Set<String>] = [:]
        for row in try await sql.select().columns("article_id", "entity_id").from("article_entities")
            .where("article_id", .in, SQLBind.group(ids)).all()
        {
            entities[try row.decode(column: "article_id", as: UUID.self), default: []].insert(
                try row.decode(column: "entity_id", as: UUID.self).uuidString)
        }
        var terms: [UUID: [String: Double]] = [:]
        for row in try await sql.select().columns("article_id", "term", "weight").from("article_terms")
            .where("article_id", .in, SQLBind.group(ids)).all()
        {
            terms[try row.decode(column: "article_id", as: UUID.self), default: [:]][
                try row.decode(column: "term", as: String.self)] = try row.decode(column: "weight", as: Double.self)
        }
        return try await sql.select().columns("id", "published_at", "primary_topic_id", "live").from("articles")
            .where("id", .in, SQLBind.group(ids)).all()
            .map { row in
                let id = try row.decode(column: "id", as: UUID.self)
                let storyTopics = topics[id] ?? []
                let primary = try row.decode(column: "primary_topic_id", as: UUID?.self)
                return Loaded(
                    profile: RelatedProfile(
                        id: id, publishedAt: try row.decode(column: "published_at", as: Date?.self),
                        topicNames: storyTopics.map(\.name),
                        primaryTopicName: storyTopics.first { $0.id == primary }?.name,
                        entityKeys: entities[id] ?? [], terms: terms[id] ?? [:]),
                    live: try row.decode(column: "live", as: Bool.self))
            }
    }

    /// How many stories have each term.
    static func documentFrequencies(_ terms: [String], on sql: any SQLDatabase) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for start in stride(from: 0, to: terms.count, by: chunkSize) {
            let chunk = Array(terms[start..<min(start + chunkSize, terms.count)])
            for row in try await sql.select().columns("term", "documents").from("term_stats")
                .where("term", .in, SQLBind.group(chunk)).all()
            {
                counts[try row.decode(column: "term", as: String.self)] = try row.decode(
                    column: "documents", as: Int.self)
            }
        }
        return counts
    }

    /// How many stories name each entity (keys are entity ids, as in ``RelatedProfile/entityKeys``).
    static func entityFrequencies(_ keys: [String], on sql: any SQLDatabase) async throws -> [String: Int] {
        let ids = keys.compactMap(UUID.init(uuidString:))
        guard !ids.isEmpty else { return [:] }
        var counts: [String: Int] = [:]
        for row in try await sql.select().column("entity_id").column(
            SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n"))
        )
        .from("article_entities").where("entity_id", .in, SQLBind.group(ids)).groupBy("entity_id").all() {
            counts[try row.decode(column: "entity_id", as: UUID.self).uuidString] = try row.decode(
                column: "n", as: Int.self)
        }
        return counts
    }
}

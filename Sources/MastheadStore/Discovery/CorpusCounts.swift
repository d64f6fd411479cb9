import Foundation
import MastheadCore
import SQLKit

/// How common terms and entities are across the archive, for inverse document frequencies. A change
/// to one story asks the database for just the counts it needs; a rebuild of every rail reads all of
/// them once, so it does not ask the same questions a hundred thousand times.
struct CorpusCounts {
    let documents: Int
    private let terms: [String: Int]?
    private let entities: [String: Int]?

    /// Counts read as they are needed.
    static func onDemand(on sql: any SQLDatabase) async throws -> CorpusCounts {
        CorpusCounts(documents: try await documentCount(on: sql), terms: nil, entities: nil)
    }

    /// Every count, read once.
    static func all(on sql: any SQLDatabase) async throws -> CorpusCounts {
        var terms: [String: Int] = [:]
        for row in try await sql.select().columns("term", "documents").from("term_stats").all() {
            terms[try row.decode(column: "term", as: String.self)] = try row.decode(column: "documents", as: Int.self)
        }
        var entities: [String: Int] = [:]
        for row in try await sql.select().column("entity_id")
            .column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from("article_entities").groupBy("entity_id").all()
        {
            entities[try row.decode(column: "entity_id", as: UUID.self).uuidString] = try row.decode(
                column: "n", as: Int.self)
        }
        return CorpusCounts(documents: try await documentCount(on: sql), terms: terms, entities: entities)
    }

    func termFrequencies(_ wanted: Set<String>, on sql: any SQLDatabase) async throws -> [String: Int] {
        guard let terms else { return try await RelatedProfiles.documentFrequencies(Array(wanted), on: sql) }
        return Dictionary(uniqueKeysWithValues: wanted.compactMap { term in terms[term].map { (term, $0) } })
    }

    func entityFrequencies(_ wanted: Set<String>, on sql: any SQLDatabase) async throws -> [String: Int] {
        guard let entities else { return try await RelatedProfiles.entityFrequencies(Array(wanted), on: sql) }
        return Dictionary(uniqueKeysWithValues: wanted.compactMap { key in entities[key].map { (key, $0) } })
    }

    private static func documentCount(on sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from("articles").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}

import FluentKit
import Foundation
import SQLKit

/// Keeps the copies of a story's `live` and `published_at` on the rows that link it to topics,
/// entities and statements (see `M023CreateDiscovery`), so those lists are served from their own
/// indexes. Called by the write layer for every article event and when a story is first inserted.
enum DiscoveryLinks {
    static let tables = ["article_topics", "article_entities", "statements"]

    static func copyVisibility(of articleID: UUID, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        for table in tables {
            try await sql.raw(
                """
                UPDATE \(ident: table) SET \
                live = (SELECT live FROM articles WHERE id = \(bind: articleID)), \
                published_at = (SELECT published_at FROM articles WHERE id = \(bind: articleID)) \
                WHERE article_id = \(bind: articleID)
                """
            ).run()
        }
    }
}

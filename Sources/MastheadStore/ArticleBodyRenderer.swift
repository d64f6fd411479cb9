import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// Renders every stored article body again from its Markdown, so that stored HTML never mixes
/// renderers: run by migration 017 when Masthead moved from Ink to its own renderer, and by
/// `masthead rerender` after any change to the Markdown path. Batches of 500 keep memory flat on a
/// large archive; each batch is one transaction.
enum ArticleBodyRenderer {
    static let batchSize = 500

    @discardableResult
    static func rerenderAll(on database: any Database) async throws -> Int {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        var after: UUID?
        var count = 0
        while true {
            var query = sql.select().columns("id", "body_markdown").from(ArticleRecord.schema)
            if let after { query = query.where("id", .greaterThan, SQLBind(after)) }
            let rows = try await query.orderBy("id").limit(batchSize).all()
            guard !rows.isEmpty else { return count }
            let bodies = try rows.map {
                (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "body_markdown", as: String.self))
            }
            try await database.transaction { database in
                guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
                for (id, markdown) in bodies {
                    try await sql.update(ArticleRecord.schema)
                        .set("body_html", to: ArticleBody.html(fromMarkdown: markdown))
                        .where("id", .equal, SQLBind(id)).run()
                }
            }
            count += bodies.count
            after = bodies.last?.0
        }
    }
}

extension Store {
    /// Renders every article body again with the current Markdown path; returns how many.
    public func rerenderArticleBodies() async throws -> Int {
        try await ArticleBodyRenderer.rerenderAll(on: database)
    }
}

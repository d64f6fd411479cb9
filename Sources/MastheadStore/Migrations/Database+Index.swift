import FluentKit
import SQLKit

extension Database {
    /// Creates a plain B-tree index, which both SQLite and PostgreSQL read forwards and backwards, so
    /// one index on `published_at` serves newest-first lists too.
    func createIndex(_ name: String, on table: String, columns: [String]) async throws {
        guard let sql = self as? any SQLDatabase else { throw IndexError.notSQL(name) }
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }

    func dropIndex(_ name: String) async throws {
        guard let sql = self as? any SQLDatabase else { throw IndexError.notSQL(name) }
        try await sql.drop(index: name).run()
    }
}

enum IndexError: Error, CustomStringConvertible {
    case notSQL(String)

    var description: String {
        switch self {
        case .notSQL(let name): return "index \(name) needs an SQL database"
        }
    }
}

import FluentPostgresDriver
import Foundation

/// A read as PostgresNIO's named prepared statement. PostgresNIO keeps a connection's prepared
/// statements by name, parsing each once and then only binding and executing it, but asks a
/// statement's name, SQL and parameter types of its type, statically, when it is run; a read's SQL is
/// known only then. So the type reads them from ``current``, set around each run.
struct ReadStatement: PostgresPreparedStatement {
    struct Text: Sendable {
        var name: String
        var sql: String
        var types: [PostgresDataType]
    }

    @TaskLocal static var current = Text(name: "masthead_read", sql: "SELECT 1", types: [])

    static var name: String { current.name }
    static var sql: String { current.sql }
    static var bindingDataTypes: [PostgresDataType] { current.types }

    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}

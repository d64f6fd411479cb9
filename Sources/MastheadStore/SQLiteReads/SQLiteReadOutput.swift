import FluentKit
import SQLKit

/// A row read by ``SQLiteReads`` as Fluent's output, as FluentSQLiteDriver presents its rows (it keeps
/// its own type internal): a field of a joined model is the column `schema_field`.
struct SQLiteReadOutput: DatabaseOutput {
    let row: any SQLRow
    let schema: String?

    var description: String { String(describing: row) }

    private func column(_ key: FieldKey) -> String {
        (schema.map { .prefix(.prefix(.string($0), "_"), key) } ?? key).description
    }

    func schema(_ schema: String) -> any DatabaseOutput {
        SQLiteReadOutput(row: row, schema: schema)
    }

    func contains(_ key: FieldKey) -> Bool {
        row.contains(column: column(key))
    }

    func decodeNil(_ key: FieldKey) throws -> Bool {
        try row.decodeNil(column: column(key))
    }

    func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T {
        try row.decode(column: column(key), as: T.self)
    }
}

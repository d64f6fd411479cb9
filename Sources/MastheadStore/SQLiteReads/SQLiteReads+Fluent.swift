import FluentKit
import FluentSQL
import NIOCore
import SQLKit

extension SQLiteReads {
    /// Runs a Fluent read as FluentSQLiteDriver would (the same conversion to SQL, the same rows seen
    /// as Fluent's output), on these connections; nil, having passed on nothing, for anything but a read
    /// or aggregate, and for whatever ``execute(_:on:_:otherwise:)`` leaves to the driver.
    func execute(
        fluent query: DatabaseQuery, on database: any Database & SQLDatabase,
        onOutput: @escaping @Sendable (any DatabaseOutput) -> Void
    ) -> EventLoopFuture<Void>? {
        switch query.action {
        case .read, .aggregate: break
        case .create, .update, .delete, .custom: return nil
        }
        return execute(
            SQLQueryConverter(delegate: FluentSQLiteTypes()).convert(query), on: database,
            { onOutput(SQLiteReadOutput(row: $0, schema: nil)) },
            otherwise: { database.execute(query: query, onOutput: onOutput) })
    }
}

/// FluentSQLiteDriver's converter delegate, which it keeps internal: SQLite's names for Fluent's types.
private struct FluentSQLiteTypes: SQLConverterDelegate {
    func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? {
        switch dataType {
        case .string, .enum: SQLRaw("TEXT")
        case .datetime: SQLRaw("REAL")
        case .int64: SQLRaw("INTEGER")
        default: nil
        }
    }
}

import Foundation
import Logging
import NIOCore
import SQLKit
import SQLiteKit
import Synchronization

/// Where a SQLite store runs its reads: ``SQLiteReadConnection``s on the calling thread, with their
/// prepared statements kept.
///
/// Why not the driver: SQLiteNIO hands every statement to a thread pool and every row back to the
/// event loop, and parses the statement each time. On the article page those hand-offs, the thread
/// wake-ups they cost and the parsing were half of the CPU. A read of a warm page costs SQLite tens of
/// microseconds, less than the hand-offs, so it runs where the request runs.
///
/// What stays with the driver: every write, everything inside a transaction or a session (their
/// statements go to the connection that holds them), anything SQLite cannot prepare or start here,
/// and any read that has cost more CPU than ``SQLiteReadConnection/slowStatement``. In WAL mode a read
/// sees every transaction committed before it starts, on whichever connection, so a writer reads its
/// own change at once.
final class SQLiteReads: Sendable {
    private let path: String
    private let state = Mutex(State())
    private let encoder = SQLiteDataEncoder()
    /// Statements run here, and statements passed on to the driver, since the store opened.
    let ranHere = Atomic(0)
    let passedOn = Atomic(0)

    private struct State {
        var idle: [SQLiteReadConnection] = []
        var closed = false
    }

    /// Connections kept for reuse; a burst beyond this opens more and closes them after.
    private static let idleLimit = 8

    init(path: String) {
        self.path = path
    }

    /// Runs `query` here if it reads, else says so by returning false, having passed on no row.
    func execute(
        _ query: any SQLExpression, on database: any SQLDatabase, _ onRow: (any SQLRow) -> Void
    ) throws -> Bool {
        let (sql, rawBinds) = SerializingDatabase(base: database).serialize(query)
        guard Self.isQuery(sql), let binds = try? rawBinds.map({ try encoder.encode($0) }),
            let connection = borrow()
        else {
            passedOn.add(1, ordering: .relaxed)
            return false
        }
        defer { giveBack(connection) }
        let outcome = try connection.run(sql, binds: binds, onRow: onRow) {
            // Logged as the drivers log, so a QueryLog counts these statements as it counts theirs.
            if let level = database.queryLogLevel {
                database.logger.log(
                    level: level, "Executing query",
                    metadata: ["sql": .string(sql), "binds": .array(rawBinds.map { .string("\($0)") })])
            }
        }
        guard outcome == .ran else {
            passedOn.add(1, ordering: .relaxed)
            return false
        }
        ranHere.add(1, ordering: .relaxed)
        return true
    }

    /// SQLite calls BEGIN, ATTACH and the like read-only too (they change no file), so only a
    /// statement that asks for rows (`SELECT`, `WITH`, or `EXPLAIN`, whose plan is then the one these
    /// connections use) is considered; SQLite then confirms that it writes nothing.
    static func isQuery(_ sql: String) -> Bool {
        let keyword = sql.utf8.drop(while: { $0 <= UInt8(ascii: " ") }).prefix(7).map { $0 | 0x20 }
        return keyword.prefix(6).elementsEqual("select".utf8) || keyword.prefix(4).elementsEqual("with".utf8)
            || keyword.elementsEqual("explain".utf8)
    }

    func close() {
        var retired: [SQLiteReadConnection] = []
        state.withLock {
            $0.closed = true
            swap(&retired, &$0.idle)
        }
        // The connections close as `retired` goes, outside the lock.
    }

    private func borrow() -> SQLiteReadConnection? {
        let (closed, idle) = state.withLock { ($0.closed, $0.idle.popLast()) }
        if closed { return nil }
        return idle ?? (try? SQLiteReadConnection(path: path))
    }

    private func giveBack(_ connection: SQLiteReadConnection) {
        state.withLock {
            if !$0.closed && $0.idle.count < Self.idleLimit { $0.idle.append(connection) }
        }
    }
}

/// The driver's database with its dialect read once: a serialiser asks for the dialect at every name
/// and bind it writes, and FluentSQLiteDriver builds a new SQLKit wrapper to answer each time.
private struct SerializingDatabase: SQLDatabase {
    let base: any SQLDatabase
    let dialect: any SQLDialect

    init(base: any SQLDatabase) {
        self.base = base
        dialect = base.dialect
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        base.execute(sql: query, onRow)
    }
}

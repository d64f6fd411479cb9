import FluentKit
import Foundation
import Logging
import NIOCore
import SQLKit
import Synchronization

/// How busy this node keeps its database connections. FluentKit keeps its pools to itself, so the
/// store counts at the one door every query, transaction and session passes through
/// (``MeteredDatabase``): what is holding or waiting for a connection now, and for how long
/// connections have been held in all. Utilisation over any window is the growth of ``busySeconds``
/// divided by the window and by ``capacity``.
public final class DatabaseMeter: Sendable {
    /// The connections the pool may open: FluentKit's pools hold this many per event loop.
    public let capacity: Int
    private let state = Mutex(State())

    private struct State {
        var busy = 0
        var operations = 0
        var busyNanoseconds: Int64 = 0
    }

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Operations holding a connection or waiting for one; above ``capacity``, requests queue.
    public var busy: Int { state.withLock { $0.busy } }
    /// Statements, transactions and sessions run since start.
    public var operations: Int { state.withLock { $0.operations } }
    /// Seconds of connection use since start, waits for a free connection included.
    public var busySeconds: Double { Double(state.withLock { $0.busyNanoseconds }) / 1e9 }

    func begin() -> ContinuousClock.Instant {
        state.withLock {
            $0.busy += 1
            $0.operations += 1
        }
        return .now
    }

    func end(_ start: ContinuousClock.Instant) {
        let held = start.duration(to: .now).components
        state.withLock {
            $0.busy -= 1
            $0.busyNanoseconds += held.seconds * 1_000_000_000 + held.attoseconds / 1_000_000_000
        }
    }
}

/// A database handle that reports to a ``DatabaseMeter``; everything else goes to the driver's own.
/// A transaction or session counts once, as the one connection it holds: the closure gets the
/// driver's handle, so the statements inside are not counted again.
///
/// On SQLite it is also where a statement on its own, outside any transaction, SQLKit's or Fluent's,
/// may run as a read of ``SQLiteReads`` instead of going to the driver; on PostgreSQL, one of
/// ``PostgresReads``.
struct MeteredDatabase: Database, SQLDatabase {
    let base: any Database & SQLDatabase
    let meter: DatabaseMeter
    let reads: SQLiteReads?
    let postgresReads: PostgresReads?

    private func metered<T>(_ operation: () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let start = meter.begin()
        return operation().always { _ in meter.end(start) }
    }

    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void)
        -> EventLoopFuture<Void>
    {
        metered {
            reads?.execute(fluent: query, on: base, onOutput: onOutput)
                ?? base.execute(query: query, onOutput: onOutput)
        }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        metered { base.execute(schema: schema) }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        metered { base.execute(enum: `enum`) }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        metered { base.transaction(closure) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        metered { base.withConnection(closure) }
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        metered { base.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let start = meter.begin()
        defer { meter.end(start) }
        if let reads, try await reads.execute(query, on: base, onRow) { return }
        if let postgresReads, try await postgresReads.execute(query, on: base, onRow) { return }
        try await base.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let start = meter.begin()
        defer { meter.end(start) }
        return try await base.withSession(closure)
    }
}

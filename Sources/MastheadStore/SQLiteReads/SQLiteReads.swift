import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// Where a SQLite store runs its reads, SQLKit's and Fluent's alike: ``SQLiteReadConnection``s with their
/// prepared statements kept, on the calling thread, or on the thread pool for a read that must wait.
///
/// Why not the driver: SQLiteNIO hands every statement to a thread pool and every row back to the
/// event loop, and parses the statement each time. On the article page those hand-offs, the thread
/// wake-ups they cost and the parsing were half of the CPU. A read of a warm page costs SQLite tens of
/// microseconds, less than the hand-offs, so it runs where the request runs.
///
/// Never on an event loop: a wait for a lock (the file held exclusively, the log being recovered) or a
/// read that has cost more CPU than ``SQLiteReadConnection/slowStatement``. Such a read runs again on
/// the thread pool, with its kept statement, where it may wait as the driver's statements wait.
///
/// What stays with the driver: every write, everything inside a transaction or a session (their
/// statements go to the connection that holds them), and anything SQLite cannot prepare or start
/// here. In WAL mode a read sees every transaction committed before it starts, on whichever
/// connection, so a writer reads its own change at once.
final class SQLiteReads: Sendable {
    private let path: String
    private let threadPool: NIOThreadPool
    private let state = Mutex(State())
    private let encoder = SQLiteDataEncoder()
    /// Statements run on the caller's thread, run on the thread pool because they had to wait or
    /// proved slow, and passed on to the driver, since the store opened.
    let ranHere = Atomic(0)
    let ranOnPool = Atomic(0)
    let passedOn = Atomic(0)

    private struct State {
        var idle: [SQLiteReadConnection] = []
        var closed = false
    }

    /// How a read began: done; declined (nothing passed on, the driver should run it); or to be run
    /// again off the caller's thread by `wait`, which gives its connection back when it is done.
    private enum Start {
        case ran
        case declined
        case mustWait(_ wait: @Sendable () throws -> SQLiteReadConnection.Outcome)
    }

    /// Connections kept for reuse; a burst beyond this opens more and closes them after.
    private static let idleLimit = 8

    /// Where reads wait for the writer: a pool of their own, never the driver's. On the driver's pool
    /// (as many threads as cores) two reads waiting out the writer's lock took every thread, and the
    /// writer's next statement, queued behind them, could not run to release it: under load every read
    /// then waited its full timeout, and the test suite stalled.
    static let waitingPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 8)
        pool.start()
        return pool
    }()

    init(path: String, threadPool: NIOThreadPool = SQLiteReads.waitingPool) {
        self.path = path
        self.threadPool = threadPool
    }

    /// Runs `query` if it reads, here or waiting on the thread pool; returns false, having passed on no
    /// row, if the driver should run it instead.
    func execute(
        _ query: any SQLExpression, on database: any SQLDatabase, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) async throws -> Bool {
        switch try start(query, on: database, onRow) {
        case .ran: return true
        case .declined: return false
        case .mustWait(let wait): return try await threadPool.runIfActive(wait) == .ran
        }
    }

    /// The same for a caller that speaks futures (Fluent): nil if the driver should run `query`;
    /// `otherwise` runs it there if it turns out so only once it has waited.
    func execute(
        _ query: any SQLExpression, on database: any SQLDatabase, _ onRow: @escaping @Sendable (any SQLRow) -> Void,
        otherwise: @escaping @Sendable () -> EventLoopFuture<Void>
    ) -> EventLoopFuture<Void>? {
        do {
            switch try start(query, on: database, onRow) {
            case .ran: return database.eventLoop.makeSucceededVoidFuture()
            case .declined: return nil
            case .mustWait(let wait):
                return threadPool.runIfActive(eventLoop: database.eventLoop, wait).flatMap {
                    $0 == .ran ? database.eventLoop.makeSucceededVoidFuture() : otherwise()
                }
            }
        } catch {
            return database.eventLoop.makeFailedFuture(error)
        }
    }

    private func start(
        _ query: any SQLExpression, on database: any SQLDatabase, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) throws -> Start {
        let (sql, rawBinds) = SerializingDatabase(base: database).serialize(query)
        guard Self.isQuery(sql), let binds = try? rawBinds.map({ try encoder.encode($0) }),
            let connection = borrow()
        else {
            passedOn.add(1, ordering: .relaxed)
            return .declined
        }
        // Logged as the drivers log, so a QueryLog counts these statements as it counts theirs.
        let log: @Sendable () -> Void = {
            if let level = database.queryLogLevel {
                database.logger.log(
                    level: level, "Executing query",
                    metadata: ["sql": .string(sql), "binds": .array(rawBinds.map { .string("\($0)") })])
            }
        }
        let outcome: SQLiteReadConnection.Outcome
        do {
            outcome = try connection.run(sql, binds: binds, mayWait: false, onRow: onRow, willRun: log)
        } catch {
            giveBack(connection)
            throw error
        }
        switch outcome {
        case .ran:
            giveBack(connection)
            ranHere.add(1, ordering: .relaxed)
            return .ran
        case .declined:
            giveBack(connection)
            passedOn.add(1, ordering: .relaxed)
            return .declined
        case .mustWait:
            return .mustWait { [self] in
                defer { giveBack(connection) }
                let outcome = try connection.run(sql, binds: binds, mayWait: true, onRow: onRow, willRun: log)
                if outcome == .ran {
                    ranOnPool.add(1, ordering: .relaxed)
                } else {
                    passedOn.add(1, ordering: .relaxed)
                }
                return outcome
            }
        }
    }

    /// SQLite calls BEGIN, ATTACH and the like read-only too (they change no file), so only a
    /// statement that asks for rows (`SELECT`, `WITH`, or `EXPLAIN`, whose plan is then the one these
    /// connections use) is considered; SQLite then confirms that it writes nothing.
    static func isQuery(_ sql: String) -> Bool {
        let keyword = sql.utf8.drop(while: { $0 <= UInt8(ascii: " ") }).prefix(7).map { $0 | 0x20 }
        return keyword.prefix(6).elementsEqual("select".utf8) || keyword.prefix(4).elementsEqual("with".utf8)
            || keyword.elementsEqual("explain".utf8)
    }

    /// Connections kept for the next read; one lent to a read is not among them until it is back.
    var idleConnections: Int { state.withLock { $0.idle.count } }

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

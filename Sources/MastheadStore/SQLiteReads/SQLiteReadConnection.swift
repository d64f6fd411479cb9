import Foundation
import NIOCore
import SQLKit
import SQLiteKit
import VaporCSQLite

/// One SQLite connection of Masthead's own, for reads only, keeping its prepared statements by their
/// SQL. SQLiteNIO parses every statement afresh (a third of its thread's time on the article page)
/// and hands every row from its thread pool to an event loop; this one runs where it is asked to (the
/// caller's thread, or the thread pool for a read that must wait). It uses the SQLite library that
/// SQLiteNIO links, so the two share one view of the file's locks.
///
/// Not for concurrent use: ``SQLiteReads`` lends it to one caller at a time.
final class SQLiteReadConnection: @unchecked Sendable {
    /// What ``run(_:binds:mayWait:onRow:willRun:)`` did with a statement.
    enum Outcome: Equatable {
        /// Ran it and passed every row on.
        case ran
        /// Left it alone, before any row was passed on: it writes, does not prepare, or failed at
        /// once. The driver should run it instead.
        case declined
        /// Left it alone, before any row was passed on, because it would hold the caller's thread: the
        /// file is locked (it would wait), or it has proved too slow. Run it again with `mayWait`,
        /// off the event loop.
        case mustWait
    }

    private let handle: OpaquePointer
    private var statements: [String: Prepared] = [:]
    /// A statement that costs more CPU than this runs on the thread pool from then on, so an
    /// event loop is held up by the same slow read at most twice. CPU, not time on the clock: on a busy
    /// machine a quick read can wait longer than this for a core, and must not be sent away for it.
    /// The thread's CPU clock is a system call, so it is read only for a statement that has already
    /// taken this long on the cheap wall clock once.
    static let slowStatement: Duration = .milliseconds(5)
    /// How long a read off the event loop waits for a lock, as the driver's connections wait
    /// (``SQLiteTuning``); on the caller's thread a read never waits.
    static let busyTimeout: Int32 = 5000
    /// Plenty for the pages' statements; a connection that somehow meets more starts afresh.
    private static let statementLimit = 256

    private struct Prepared {
        let handle: OpaquePointer
        let readOnly: Bool
        let columns: SQLiteReadColumns
        /// Took longer than ``slowStatement`` by the clock once; its CPU is measured next time.
        var suspect = false
        var slow = false
    }

    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        let message: String
        var description: String { "SQLite error \(code): \(message)" }
    }

    init(path: String) throws {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        let status = sqlite_nio_sqlite3_open_v2(path, &opened, flags, nil)
        guard status == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite_nio_sqlite3_close(opened)
            throw Failure(code: status, message: message)
        }
        handle = opened
        // query_only makes the read-only promise SQLite's too, whatever a statement turns out to do.
        // Pages are read through the same memory map as the writer's (``SQLiteTuning``), which needs
        // no page cache; the cache, 16 MiB rather than the writer's 64, is for sorting and the like,
        // and keeps a handful of these connections well inside a node's memory. A reader in WAL mode
        // waits for a lock only while another connection recovers the log or holds the file
        // exclusively; it waits with no busy timeout, so never on the caller's thread (``run``).
        for pragma in [
            "PRAGMA query_only = ON", "PRAGMA cache_size = -16384", "PRAGMA mmap_size = 268435456",
            "PRAGMA temp_store = MEMORY",
        ] {
            guard sqlite_nio_sqlite3_exec(handle, pragma, nil, nil, nil) == SQLITE_OK else {
                let failure = Failure(code: sqlite_nio_sqlite3_errcode(handle), message: errorMessage)
                sqlite_nio_sqlite3_close(handle)
                throw failure
            }
        }
    }

    deinit {
        for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared.handle) }
        sqlite_nio_sqlite3_close(handle)
    }

    /// Runs `sql` and passes each row to `onRow`, calling `willRun` once it has started; or leaves it
    /// untouched. With `mayWait` (off the event loop only) it waits up to ``busyTimeout`` for a lock and
    /// runs a statement however slow; without, it never waits and declines a slow one.
    func run(
        _ sql: String, binds: [SQLiteData], mayWait: Bool, onRow: (any SQLRow) -> Void, willRun: () -> Void
    ) throws -> Outcome {
        guard var prepared = statement(sql), prepared.readOnly else { return .declined }
        if prepared.slow && !mayWait { return .mustWait }
        let statement = prepared.handle
        guard bind(binds, to: statement) else { return .declined }
        let started = ContinuousClock.now
        let startedCPU = prepared.suspect && !mayWait ? Self.threadCPUTime() : nil
        if mayWait { sqlite_nio_sqlite3_busy_timeout(handle, Self.busyTimeout) }
        var status = sqlite_nio_sqlite3_step(statement)
        if mayWait { sqlite_nio_sqlite3_busy_timeout(handle, 0) }
        if status == SQLITE_BUSY {
            sqlite_nio_sqlite3_reset(statement)
            guard mayWait else { return .mustWait }
            throw Failure(code: status, message: "database is locked")
        }
        guard status == SQLITE_ROW || status == SQLITE_DONE else {
            // A statement of the legacy interface fails here once the schema has changed under it
            // (a migration); it is prepared afresh next time.
            forget(sql)
            return .declined
        }
        // Reset as soon as the rows are read: until then the statement holds a read snapshot, and
        // the log cannot be checkpointed past it.
        defer { sqlite_nio_sqlite3_reset(statement) }
        willRun()
        while status == SQLITE_ROW {
            onRow(
                SQLiteReadRow(
                    columns: prepared.columns, values: values(of: statement, count: prepared.columns.names.count)))
            status = sqlite_nio_sqlite3_step(statement)
        }
        guard status == SQLITE_DONE else {
            throw Failure(code: status, message: errorMessage)
        }
        guard !mayWait else { return .ran }
        if let startedCPU {
            prepared.slow = Self.threadCPUTime() - startedCPU > Self.slowStatement
            prepared.suspect = false
            statements[sql] = prepared
        } else if started.duration(to: .now) > Self.slowStatement {
            prepared.suspect = true
            statements[sql] = prepared
        }
        return .ran
    }

    /// The CPU this thread has used: one system call, a fraction of a microsecond.
    private static func threadCPUTime() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }

    private var errorMessage: String { String(cString: sqlite_nio_sqlite3_errmsg(handle)) }

    /// The legacy `sqlite3_prepare`, on purpose. The newer interfaces let the planner look at bound
    /// values, and mark a statement to be parsed and planned again whenever such a value is bound
    /// anew; every statement of the article page was, at each request (its times and ids change), which
    /// cost as much as not keeping it. Plans made without the values are the ones `EXPLAIN QUERY PLAN`
    /// shows, and the plan tests check them; queries that need a partial index name its condition as a
    /// literal, not a bound value.
    private func statement(_ sql: String) -> Prepared? {
        if let prepared = statements[sql] { return prepared }
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            return nil
        }
        if statements.count >= Self.statementLimit {
            for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared.handle) }
            statements.removeAll(keepingCapacity: true)
        }
        let prepared = Prepared(
            handle: statement, readOnly: sqlite_nio_sqlite3_stmt_readonly(statement) != 0,
            columns: Self.columns(of: statement))
        statements[sql] = prepared
        return prepared
    }

    private func forget(_ sql: String) {
        guard let prepared = statements.removeValue(forKey: sql) else { return }
        sqlite_nio_sqlite3_finalize(prepared.handle)
    }

    private static func columns(of statement: OpaquePointer) -> SQLiteReadColumns {
        let count = sqlite_nio_sqlite3_column_count(statement)
        return SQLiteReadColumns(
            names: (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) })
    }

    /// SQLiteNIO's binding, value for value.
    private func bind(_ binds: [SQLiteData], to statement: OpaquePointer) -> Bool {
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let number): status = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
            case .float(let number): status = sqlite_nio_sqlite3_bind_double(statement, index, number)
            case .null: status = sqlite_nio_sqlite3_bind_null(statement, index)
            case .text(let text):
                status = sqlite_nio_sqlite3_bind_text64(
                    statement, index, text, UInt64(text.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
            case .blob(let buffer):
                status = buffer.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), Self.transient)
                }
            }
            guard status == SQLITE_OK else { return false }
        }
        return true
    }

    /// SQLiteNIO's reading, value for value, except that text is read with its length instead of
    /// being measured again.
    private func values(of statement: OpaquePointer, count: Int) -> [SQLiteData] {
        (0..<Int32(count)).map { column in
            switch sqlite_nio_sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
            case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
            case SQLITE_TEXT:
                guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .null }
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
            case SQLITE_BLOB:
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                var buffer = ByteBufferAllocator().buffer(capacity: length)
                if let blob = sqlite_nio_sqlite3_column_blob(statement, column) {
                    buffer.writeBytes(UnsafeRawBufferPointer(start: blob, count: length))
                }
                return .blob(buffer)
            default: return .null
            }
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bound value, which lives only as long as the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

import FluentPostgresDriver
import Foundation
import Logging
import NIOCore
import SQLKit
import Synchronization

/// Where a PostgreSQL store runs its reads: as named prepared statements (``ReadStatement``) on one
/// connection of its own per event loop.
///
/// Why not the driver: PostgresKit sends every statement unnamed, so the server parses and plans it
/// again each time and describes its result again, and it takes a connection from the pool for each.
/// Here a statement is parsed once per connection and then only bound and executed, and a connection
/// is shared by every request on its event loop (PostgresNIO runs their statements in turn).
///
/// What stays with the driver: every write, everything inside a transaction or a session (their
/// statements go to the connection that holds them), a bind the driver would encode through Codable,
/// and a statement the server would not prepare. A statement outside a transaction sees every
/// transaction committed before it starts, on whichever connection, so a writer reads its own change
/// at once.
final class PostgresReads: Sendable {
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let state = Mutex(State())
    /// Statements run here, and statements passed on to the driver, since the store opened.
    let ranHere = Atomic(0)
    let passedOn = Atomic(0)
    /// Plenty for the pages' statements; one beyond it goes to the driver, so a statement written with
    /// a varying number of binds cannot fill the server's memory with prepared ones.
    static let statementLimit = 1000

    private struct State {
        var byEventLoop: [ObjectIdentifier: Slot] = [:]
        /// A name for each statement, by ``ReadBinds/key(_:)``; nil for one the server refused.
        var names: [String: String?] = [:]
        var opened = 0
        var closed = false
    }

    private enum Slot {
        case opening(EventLoopFuture<PostgresConnection>)
        case open(PostgresConnection)
    }

    init(url: String, logger: Logger) throws {
        configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        self.logger = logger
    }

    /// Runs `query` here if it reads, else says so by returning false, having passed on no row.
    func execute(
        _ query: any SQLExpression, on database: any SQLDatabase, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) async throws -> Bool {
        let (sql, rawBinds) = database.serialize(query)
        guard SQLiteReads.isQuery(sql), let binds = ReadBinds(rawBinds), let name = name(for: binds.key(sql)),
            let connection = try? await connection(on: database.eventLoop)
        else {
            passedOn.add(1, ordering: .relaxed)
            return false
        }
        if let level = database.queryLogLevel {
            // Logged as the driver logs, so a QueryLog counts these statements as it counts its.
            database.logger.log(
                level: level, "Executing query",
                metadata: ["sql": .string(sql), "binds": .array(rawBinds.map { .string("\($0)") })])
        }
        var passed = false
        do {
            let rows = try await ReadStatement.$current.withValue(.init(name: name, sql: sql, types: binds.types)) {
                try await connection.execute(ReadStatement(bindings: binds.bindings), logger: logger)
            }
            for try await row in rows {
                passed = true
                onRow(row.sql())
            }
        } catch {
            if passed { throw error }
            // Before any row, the driver runs it instead and reports the error, if there is one; a
            // statement the server refused (it cannot prepare it: a parameter of no type it can tell)
            // goes to the driver from now on.
            if let failure = error as? PSQLError, failure.serverInfo != nil {
                state.withLock { $0.names[binds.key(sql)] = .some(nil) }
            }
            passedOn.add(1, ordering: .relaxed)
            return false
        }
        ranHere.add(1, ordering: .relaxed)
        return true
    }

    /// The statement's name, given at its first run; nil for one the driver runs.
    private func name(for key: String) -> String? {
        state.withLock { state in
            if let known = state.names[key] { return known }
            guard state.names.count < Self.statementLimit else { return nil }
            let name = "masthead_read_\(state.names.count)"
            state.names[key] = name
            return name
        }
    }

    /// The connection of `eventLoop`, opened at its first read and opened again if it has closed.
    private func connection(on eventLoop: any EventLoop) async throws -> PostgresConnection {
        let key = ObjectIdentifier(eventLoop)
        let (slot, opened) = try state.withLock { state throws -> (Slot, Bool) in
            if state.closed { throw ChannelError.ioOnClosedChannel }
            switch state.byEventLoop[key] {
            case .open(let connection) where !connection.isClosed: return (.open(connection), false)
            case .opening(let opening): return (.opening(opening), false)
            default: break
            }
            state.opened += 1
            let opening = PostgresConnection.connect(
                on: eventLoop, configuration: configuration, id: state.opened, logger: logger)
            state.byEventLoop[key] = .opening(opening)
            return (.opening(opening), true)
        }
        switch slot {
        case .open(let connection):
            return connection
        case .opening(let opening):
            // Outside the lock: a future already settled calls back at once.
            if opened { opening.whenComplete { result in self.settle(key, result) } }
            return try await opening.get()
        }
    }

    private func settle(_ key: ObjectIdentifier, _ result: Result<PostgresConnection, any Error>) {
        let orphan: PostgresConnection? = state.withLock { state in
            switch result {
            case .success(let connection):
                if state.closed { return connection }
                state.byEventLoop[key] = .open(connection)
            case .failure:
                state.byEventLoop[key] = nil
            }
            return nil
        }
        orphan?.close().whenComplete { _ in }
    }

    func close() async {
        let slots = state.withLock { state in
            state.closed = true
            defer { state.byEventLoop = [:] }
            return Array(state.byEventLoop.values)
        }
        for slot in slots {
            switch slot {
            case .open(let connection): try? await connection.close()
            case .opening(let opening): try? await opening.get().close()
            }
        }
    }
}

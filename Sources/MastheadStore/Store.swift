import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// The site's database: one connection pool per event loop, the migrations, and the repositories that
/// turn rows into MastheadCore values. Open it once at start-up and close it at shutdown.
public struct Store: RepositoryAccess {
    public let location: DatabaseLocation
    let databases: Databases
    let logger: Logger
    /// Shared by every copy of this store, so subscribers hear about changes made through any of them.
    public let changeFeed: ChangeFeed
    /// Serialises write transactions on SQLite (``WriterLock``); nil on PostgreSQL.
    let writer: WriterLock?
    /// Shared by every copy of this store, so concurrent posts meet in one batch.
    let commentBatcher: CommentBatcher
    /// This process among the nodes sharing a PostgreSQL database (``ChangeRelay``).
    public let node: UUID
    /// How busy the connections are, for `/metrics`; shared by every copy of this store.
    public let meter: DatabaseMeter
    /// SQLite's reads on the caller's thread (``SQLiteReads``); nil on PostgreSQL.
    let reads: SQLiteReads?
    /// PostgreSQL's reads by named prepared statements (``PostgresReads``); nil on SQLite.
    let postgresReads: PostgresReads?
    private let handles: DatabaseHandles

    /// FluentKit's default, made explicit so ``DatabaseMeter/capacity`` knows the pool's size.
    static let connectionsPerEventLoop = 1

    /// How long a statement waits for a pooled connection before it fails: FluentKit's ten seconds for a
    /// site, where a longer wait helps no reader. The test suite, which runs hundreds of databases at once
    /// on two cores, gives its bursts of thirty concurrent writers longer.
    public static func open(
        _ location: DatabaseLocation, logger: Logger, connectionWait: TimeAmount = .seconds(10)
    ) throws -> Store {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        switch location {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            databases.use(
                .sqlite(
                    .file(path), maxConnectionsPerEventLoop: connectionsPerEventLoop,
                    connectionPoolTimeout: connectionWait, sqlLogLevel: .trace),
                as: .sqlite)
        case .postgres(let url):
            databases.use(
                try .postgres(
                    url: url, maxConnectionsPerEventLoop: connectionsPerEventLoop,
                    connectionPoolTimeout: connectionWait, sqlLogLevel: .trace),
                as: .psql)
        }
        var writer: WriterLock?
        var reads: SQLiteReads?
        var postgresReads: PostgresReads?
        switch location {
        case .sqlite(let path):
            writer = WriterLock()
            reads = SQLiteReads(path: path)
        case .postgres(let url):
            // MASTHEAD_POSTGRES_PREPARED=0 sends every read to the driver's unnamed statements, for a
            // connection pooler that keeps no prepared statement between transactions (PgBouncer's
            // transaction mode), and to measure the difference.
            if ProcessInfo.processInfo.environment["MASTHEAD_POSTGRES_PREPARED"] != "0" {
                postgresReads = try PostgresReads(url: url, logger: logger)
            }
        }
        let meter = DatabaseMeter(
            capacity: connectionsPerEventLoop * Array(databases.eventLoopGroup.makeIterator()).count)
        let store = Store(
            location: location, databases: databases, logger: logger, changeFeed: ChangeFeed(), writer: writer,
            commentBatcher: CommentBatcher(), node: UUID(), meter: meter, reads: reads,
            postgresReads: postgresReads,
            handles: DatabaseHandles(
                databases: databases, logger: logger, meter: meter, reads: reads, postgresReads: postgresReads))
        // Discovery is kept for every store, whoever opened it (server, command or test), as the search
        // index is: a story changed through the write layer is never left out of Read next.
        DiscoveryIndex.follow(store, logger: logger)
        return store
    }

    /// Opens a store for the length of `body` and closes it afterwards, whether `body` succeeds or throws.
    public static func using<T: Sendable>(
        _ location: DatabaseLocation, logger: Logger, connectionWait: TimeAmount = .seconds(10),
        _ body: (Store) async throws -> T
    ) async throws -> T {
        let store = try open(location, logger: logger, connectionWait: connectionWait)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    /// A handle on the default database, on the current event loop of the group or any other.
    public var database: any Database {
        guard let database = handles.database(on: databases.eventLoopGroup.any()) else {
            preconditionFailure("open(_:logger:) makes a handle for every event loop of the group")
        }
        return database
    }

    /// The same store, also recording every SQL statement it runs into `queries`.
    public func recordingQueries(into queries: QueryLog) -> Store {
        let original = logger.handler
        var recording = Logger(label: logger.label) { _ in
            MultiplexLogHandler([original, QueryLogHandler(queries: queries)])
        }
        recording.logLevel = .trace
        return Store(
            location: location, databases: databases, logger: recording, changeFeed: changeFeed, writer: writer,
            commentBatcher: commentBatcher, node: node, meter: meter, reads: reads,
            postgresReads: postgresReads,
            handles: DatabaseHandles(
                databases: databases, logger: recording, meter: meter, reads: reads, postgresReads: postgresReads))
    }

    /// Brings the schema up to date; migrations already run are skipped.
    /// Settles SQLite's settings (``SQLiteTuning``) first, so the migrations already run in WAL mode.
    public func migrate() async throws {
        try await SQLiteTuning.apply(to: databases, logger: logger)
        let migrator = makeMigrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Undoes the most recent `migrate` (every migration it ran, newest first), for rolling back a
    /// release whose schema change went wrong. The data those migrations created goes with them.
    public func revertLastMigration() async throws {
        let migrator = makeMigrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.revertLastBatch().get()
    }

    private func makeMigrator() -> Migrator {
        let migrations = Migrations()
        migrations.add(MigrationList.all)
        return Migrator(
            databases: databases, migrations: migrations, logger: logger, on: databases.eventLoopGroup.any(),
            migrationLogLevel: .info)
    }

    /// Lets the change feed's queued listeners finish first: what a command or a stopping server
    /// wrote is indexed and purged before the connections go.
    public func close() async {
        await changeFeed.stop()
        reads?.close()
        await postgresReads?.close()
        await databases.shutdownAsync()
    }
}

import FluentKit
import Logging
import NIOCore
import SQLKit

/// The store's database handle for each event loop, made once.
///
/// FluentKit makes a new handle at every ask, under a lock, with a lookup of the configuration, and
/// the store asks once per repository: several times on every page. On PostgreSQL that was 3% of an
/// uncached article page.
struct DatabaseHandles: Sendable {
    private let byEventLoop: [ObjectIdentifier: any Database]

    init(
        databases: Databases, logger: Logger, meter: DatabaseMeter, reads: SQLiteReads?, postgresReads: PostgresReads?
    ) {
        var byEventLoop: [ObjectIdentifier: any Database] = [:]
        for eventLoop in databases.eventLoopGroup.makeIterator() {
            guard let database = databases.database(logger: logger, on: eventLoop) else { continue }
            byEventLoop[ObjectIdentifier(eventLoop)] =
                (database as? any Database & SQLDatabase).map {
                    MeteredDatabase(base: $0, meter: meter, reads: reads, postgresReads: postgresReads)
                }
                ?? database
        }
        self.byEventLoop = byEventLoop
    }

    /// The handle for `eventLoop`, or nil for a loop outside the store's group.
    func database(on eventLoop: any EventLoop) -> (any Database)? {
        byEventLoop[ObjectIdentifier(eventLoop)]
    }
}

import FluentKit
import MastheadCore
import SQLKit

/// Numbers a transaction's events in commit order, as its last step before committing: a listener
/// reading the events table by position (``EventFollower``) must never find a lower number committed after
/// it has read past it. SQLite lets one transaction write at a time, so its numbers are in commit
/// order already; on PostgreSQL, transactions with events take one lock for the moment between
/// numbering and committing, which orders them. The lock is taken last, once the transaction's other
/// work is done, so it waits on nothing the transaction holds.
enum EventPositions {
    /// The advisory lock's key: "mhev" (Masthead events).
    static let lockKey = 0x6D68_6576

    static func assign(_ events: [DomainEvent], on database: any Database) async throws {
        guard !events.isEmpty else { return }
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(lockKey)))").run()
        }
        for event in events {
            try await sql.raw(
                """
                UPDATE events SET position = (SELECT COALESCE(MAX(position), 0) + 1 FROM events) \
                WHERE id = \(bind: event.id)
                """
            ).run()
        }
    }
}

import FluentKit
import SQLKit

/// Discovery reads the events table from a position of its own (issue 20: ``DiscoveryIndex/follow(_:logger:)``),
/// starting after the newest event: the index is current for everything before, which it heard of from
/// memory. Registered here rather than when the listener first runs, so that no change recorded
/// between the upgrade and that first run is skipped.
struct M032RegisterDiscoveryListener: AsyncMigration {
    var name: String { "032-register-discovery-listener" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        try await sql.raw(
            """
            INSERT INTO event_cursors (name, position) \
            SELECT \(bind: DiscoveryIndex.followerName), COALESCE(MAX(position), 0) FROM events
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        try await sql.delete(from: "event_cursors").where("name", .equal, DiscoveryIndex.followerName).run()
    }
}

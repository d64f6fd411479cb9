import FluentKit
import FluentPostgresDriver
import Foundation
import Logging
import MastheadCore
import SQLKit

/// Carries the change feed between nodes on one PostgreSQL: each write transaction sends its events
/// with `pg_notify` (delivered only if it commits, in commit order), and every node listens on one
/// connection of its own and hands what other nodes wrote to its followers (``ChangeFeed/follow(_:)``).
/// No other server is involved. On SQLite a site has one node, and nothing is sent.
public enum ChangeRelay {
    static let channel = "masthead_changes"
    /// PostgreSQL refuses a payload of 8,000 bytes or more; events go in groups well under it.
    static let eventsPerNotification = 20

    /// What one notification carries: the node that wrote, so it can ignore its own, and the events.
    struct Notification: Codable {
        let node: UUID
        let events: [DomainEvent]
    }

    /// Sends the transaction's events to the other nodes; called inside the transaction.
    static func notify(_ events: [DomainEvent], node: UUID, on database: any Database) async throws {
        guard !events.isEmpty, database is any PostgresDatabase, let sql = database as? any SQLDatabase else {
            return
        }
        for start in stride(from: 0, to: events.count, by: eventsPerNotification) {
            let group = Array(events[start..<min(start + eventsPerNotification, events.count)])
            let payload = String(
                decoding: try JSONEncoder().encode(Notification(node: node, events: group)), as: UTF8.self)
            try await sql.raw("SELECT pg_notify(\(bind: channel), \(bind: payload))").run()
        }
    }
}

extension Store {
    /// Listens for other nodes' changes until the connection fails or the task is cancelled, handing
    /// them to this store's followers. `connected` runs once the listener is in place: whatever was
    /// missed before it (the start, or the time the connection was down) is unknown from then on.
    /// Returns at once on SQLite.
    public func followOtherNodes(connected: @Sendable () async -> Void) async throws {
        guard case .postgres(let url) = location else { return }
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: 0, logger: logger)
        do {
            try await connection.listen(on: ChangeRelay.channel) { notifications in
                await connected()
                for try await notification in notifications {
                    guard
                        let message = try? JSONDecoder().decode(
                            ChangeRelay.Notification.self, from: Data(notification.payload.utf8)),
                        message.node != node
                    else { continue }
                    await changeFeed.publishFromOtherNode(message.events)
                }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }
}

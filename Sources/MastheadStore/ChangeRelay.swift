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
    /// PostgreSQL refuses a payload of 8,000 bytes or more.
    static let payloadLimit = 8_000

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
        for payload in try payloads(events, node: node) {
            try await sql.raw("SELECT pg_notify(\(bind: channel), \(bind: payload))").run()
        }
    }

    /// The events in as few notifications as fit under ``payloadLimit``, in order. An event too large
    /// to go alone even so (a long comment carried for live pages) goes without what it carries
    /// (``DomainEvent/comment``), and the nodes that need it read it.
    static func payloads(_ events: [DomainEvent], node: UUID) throws -> [String] {
        let encoder = JSONEncoder()
        // `{"node":…,"events":[]}`, then each event and a comma between two.
        let envelope = try encoder.encode(Notification(node: node, events: [])).count
        var groups: [(events: [DomainEvent], size: Int)] = []
        for event in events {
            var event = event
            var size = try encoder.encode(event).count
            if envelope + size >= payloadLimit {
                event.comment = nil
                size = try encoder.encode(event).count
            }
            if let last = groups.last, last.size + 1 + size < payloadLimit {
                groups[groups.count - 1] = (last.events + [event], last.size + 1 + size)
            } else {
                groups.append(([event], envelope + size))
            }
        }
        return try groups.map { group in
            String(decoding: try encoder.encode(Notification(node: node, events: group.events)), as: UTF8.self)
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

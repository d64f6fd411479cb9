import FluentKit
import Foundation
import MastheadCore

/// The events table, read back: what happened to a story, newest first.
public struct EventRepository: Sendable {
    let database: any Database

    public func all(about subjectID: UUID) async throws -> [DomainEvent] {
        try await EventRecord.query(on: database).filter(\.$subjectID == subjectID)
            .sort(\.$occurredAt, .descending).all().compactMap(\.event)
    }
}

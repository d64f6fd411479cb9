import FluentKit
import Foundation
import MastheadCore

public struct CommenterRepository: Sendable {
    let database: any Database

    public func find(_ id: UUID) async throws -> Commenter? {
        try await CommenterRecord.find(id, on: database)?.commenter
    }

    public func find(email: String) async throws -> Commenter? {
        try await CommenterRecord.query(on: database).filter(\.$email == ReaderRegistration.normalizedEmail(email))
            .first()?.commenter
    }

    /// Commenters by id, for a moderation screen's rows.
    public func find(_ ids: Set<UUID>) async throws -> [UUID: Commenter] {
        guard !ids.isEmpty else { return [:] }
        let found = try await CommenterRecord.query(on: database).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: found.compactMap { $0.commenter.map { ($0.id, $0) } })
    }
}

extension RepositoryAccess {
    public var commenters: CommenterRepository { CommenterRepository(database: database) }
    public var moderation: ModerationRepository { ModerationRepository(database: database) }
    public var outbox: OutboxRepository { OutboxRepository(database: database) }
}

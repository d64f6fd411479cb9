import FluentKit
import Foundation

/// Mail written by the write layer, waiting to be sent or kept for the newsroom's outbox page.
public struct OutboxRepository: Sendable {
    let database: any Database

    public struct Mail: Sendable, Equatable {
        public var id: UUID
        public var recipient: String
        public var subject: String
        public var body: String
        public var createdAt: Date
        public var sentAt: Date?
        public var attempts: Int
        public var lastError: String?
    }

    /// Newest first.
    public func recent(limit: Int = 100) async throws -> [Mail] {
        try await OutboxRecord.query(on: database).sort(\.$createdAt, .descending).limit(limit).all().compactMap(
            Self.mail)
    }

    /// Unsent mail that has not failed too often, oldest first.
    public func unsent(maximumAttempts: Int, limit: Int = 50) async throws -> [Mail] {
        try await OutboxRecord.query(on: database).filter(\.$sentAt == nil).filter(\.$attempts < maximumAttempts)
            .sort(\.$createdAt).limit(limit).all().compactMap(Self.mail)
    }

    public func markSent(_ id: UUID, at time: Date) async throws {
        try await OutboxRecord.query(on: database).filter(\.$id == id).set(\.$sentAt, to: time).update()
    }

    public func markFailed(_ id: UUID, error: String) async throws {
        guard let record = try await OutboxRecord.find(id, on: database) else { return }
        record.attempts += 1
        record.lastError = String(error.prefix(500))
        try await record.update(on: database)
    }

    static func mail(_ record: OutboxRecord) -> Mail? {
        guard let id = record.id else { return nil }
        return Mail(
            id: id, recipient: record.recipient, subject: record.subject, body: record.body,
            createdAt: record.createdAt, sentAt: record.sentAt, attempts: record.attempts, lastError: record.lastError)
    }
}

import FluentKit
import Foundation

/// Newsroom sessions as opaque keys and values with an expiry, so that every node shares them. The
/// web layer's persist driver speaks hummingbird-auth's language on top of this.
public struct SessionRepository: Sendable {
    let database: any Database

    public enum Failure: Error {
        case duplicateKey
    }

    public func create(key: String, value: String, expiresAt: Date?) async throws {
        guard try await SessionRecord.find(key, on: database) == nil else { throw Failure.duplicateKey }
        try await SessionRecord(key: key, value: value, expiresAt: expiresAt?.wholeSeconds).create(on: database)
    }

    public func set(key: String, value: String, expiresAt: Date?) async throws {
        if let record = try await SessionRecord.find(key, on: database) {
            record.value = value
            record.expiresAt = expiresAt?.wholeSeconds
            try await record.update(on: database)
        } else {
            try await SessionRecord(key: key, value: value, expiresAt: expiresAt?.wholeSeconds).create(on: database)
        }
    }

    /// The value and its expiry, unless it has expired by `now`.
    public func get(key: String, now: Date) async throws -> (value: String, expiresAt: Date?)? {
        guard let record = try await SessionRecord.find(key, on: database) else { return nil }
        if let expiresAt = record.expiresAt, expiresAt <= now { return nil }
        return (record.value, record.expiresAt)
    }

    public func remove(key: String) async throws {
        try await SessionRecord.query(on: database).filter(\.$id == key).delete()
    }

    /// Drops sessions that expired before `now`.
    public func removeExpired(now: Date) async throws {
        try await SessionRecord.query(on: database).filter(\.$expiresAt < now).delete()
    }
}

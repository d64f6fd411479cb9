import FluentKit
import Foundation

/// Newsroom and reader sessions as opaque keys and values with an expiry and the account they sign in,
/// so that every node shares them. The web layer's persist driver speaks hummingbird-auth's language on
/// top of this.
public struct SessionRepository: Sendable {
    let database: any Database

    public enum Failure: Error {
        case duplicateKey
    }

    /// Stores a new session. `accountID` names the account it signs in (staff or reader), so that
    /// ``endSessions(ofAccount:)`` can find it.
    public func create(key: String, value: String, accountID: UUID?, expiresAt: Date?) async throws {
        guard try await SessionRecord.find(key, on: database) == nil else { throw Failure.duplicateKey }
        try await SessionRecord(key: key, value: value, accountID: accountID, expiresAt: expiresAt?.wholeSeconds)
            .create(on: database)
    }

    public func set(key: String, value: String, accountID: UUID?, expiresAt: Date?) async throws {
        if let record = try await SessionRecord.find(key, on: database) {
            record.value = value
            record.accountID = accountID
            record.expiresAt = expiresAt?.wholeSeconds
            try await record.update(on: database)
        } else {
            try await SessionRecord(key: key, value: value, accountID: accountID, expiresAt: expiresAt?.wholeSeconds)
                .create(on: database)
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

    /// Ends every session that signs in this account, on every node: what a password change, a role
    /// change and removing an account call for, and what "sign out everywhere" asks.
    public func endSessions(ofAccount id: UUID) async throws {
        try await SessionRecord.query(on: database).filter(\.$accountID == id).delete()
    }

    /// Drops sessions that expired before `now`.
    public func removeExpired(now: Date) async throws {
        try await SessionRecord.query(on: database).filter(\.$expiresAt < now).delete()
    }
}

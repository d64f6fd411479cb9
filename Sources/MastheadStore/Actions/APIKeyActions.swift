import Crypto
import FluentKit
import Foundation
import MastheadCore

/// Admin API keys: made by an admin (or the command line), revoked by an admin, checked on every
/// Admin API request. Tokens carry 256 random bits, so a plain SHA-256 is enough to store them.
public struct APIKeyActions: Sendable {
    let store: Store

    /// Makes a key and returns it with its token, which is never shown again.
    public func create(name: String, role: Role, by admin: StaffAccount?, now: Date) async throws -> (APIKey, String) {
        try admin?.policy.require(.createAPIKey)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ActionError.invalid(["Name the key after what will use it."]) }
        var generator = SystemRandomNumberGenerator()
        let random = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = "mh_" + Hex.encode(random)
        let key = APIKey(
            id: UUID(), name: name, role: role, prefix: String(token.prefix(11)), createdAt: now.wholeSeconds)
        try await store.transaction { tx in
            let record = APIKeyRecord()
            record.id = key.id
            record.name = key.name
            record.role = role.rawValue
            record.tokenHash = Self.hash(token)
            record.prefix = key.prefix
            record.createdAt = key.createdAt
            try await record.create(on: tx.database)
            try await tx.record(
                DomainEvent(name: .accountChanged, subjectID: key.id, actorID: admin?.id, occurredAt: now))
        }
        return (key, token)
    }

    public func revoke(_ id: UUID, by admin: StaffAccount, now: Date) async throws {
        try admin.policy.require(.revokeAPIKey)
        try await store.transaction { tx in
            guard let record = try await APIKeyRecord.find(id, on: tx.database) else {
                throw ActionError.notFound("That API key does not exist.")
            }
            record.revokedAt = record.revokedAt ?? now.wholeSeconds
            try await record.update(on: tx.database)
            try await tx.record(DomainEvent(name: .accountChanged, subjectID: id, actorID: admin.id, occurredAt: now))
        }
    }

    /// The key a bearer token belongs to, unless it is unknown or revoked.
    public func authenticate(_ token: String) async throws -> APIKey? {
        guard APIKey.isWellFormed(token),
            let record = try await APIKeyRecord.query(on: store.database).filter(\.$tokenHash == Self.hash(token))
                .first(),
            record.revokedAt == nil
        else { return nil }
        return Self.key(record)
    }

    public func all() async throws -> [APIKey] {
        try await APIKeyRecord.query(on: store.database).sort(\.$createdAt, .descending).all().compactMap(Self.key)
    }

    static func hash(_ text: String) -> String {
        Hex.encode(SHA256.hash(data: Data(text.utf8)))
    }

    private static func key(_ record: APIKeyRecord) -> APIKey? {
        guard let id = record.id, let role = Role(rawValue: record.role) else { return nil }
        return APIKey(
            id: id, name: record.name, role: role, prefix: record.prefix, createdAt: record.createdAt,
            revokedAt: record.revokedAt)
    }
}

/// Responses to requests sent with an `Idempotency-Key`, per API key: a retry of the same request
/// gets the first response again; the same key on a different request is refused.
public struct IdempotencyStore: Sendable {
    let store: Store

    public enum Claim: Sendable, Equatable {
        /// This request holds the key now: run it, then ``complete(key:apiKey:status:body:)`` or
        /// ``release(key:apiKey:)``.
        case new
        case replay(status: Int, body: String)
        /// The same request is running right now (a parallel retry).
        case inProgress
        case mismatch
    }

    /// Claims a key by inserting its row first, so that of two parallel retries the unique index
    /// lets exactly one run.
    public func claim(key: String, apiKey: UUID, request: String, now: Date) async throws -> Claim {
        let record = IdempotencyRecord()
        record.id = UUID()
        record.apiKeyID = apiKey
        record.key = key
        record.requestHash = APIKeyActions.hash(request)
        record.status = 0
        record.body = ""
        record.createdAt = now.wholeSeconds
        do {
            try await record.create(on: store.database)
            return .new
        } catch {
            guard let existing = try await find(key: key, apiKey: apiKey) else { throw error }
            guard existing.requestHash == APIKeyActions.hash(request) else { return .mismatch }
            return existing.status == 0 ? .inProgress : .replay(status: existing.status, body: existing.body)
        }
    }

    public func complete(key: String, apiKey: UUID, status: Int, body: String) async throws {
        try await IdempotencyRecord.query(on: store.database).filter(\.$apiKeyID == apiKey).filter(\.$key == key)
            .set(\.$status, to: status).set(\.$body, to: body).update()
    }

    /// Gives a key back after its request failed, so a retry can run it.
    public func release(key: String, apiKey: UUID) async throws {
        try await IdempotencyRecord.query(on: store.database).filter(\.$apiKeyID == apiKey).filter(\.$key == key)
            .filter(\.$status == 0).delete()
    }

    private func find(key: String, apiKey: UUID) async throws -> IdempotencyRecord? {
        try await IdempotencyRecord.query(on: store.database).filter(\.$apiKeyID == apiKey).filter(\.$key == key)
            .first()
    }
}

extension Store {
    public var apiKeys: APIKeyActions { APIKeyActions(store: self) }
    public var idempotency: IdempotencyStore { IdempotencyStore(store: self) }
}

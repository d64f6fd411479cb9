import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// hummingbird-auth's session storage on our database (``SessionRepository``), so a newsroom
/// session started on one app node is honoured by every other. Values are stored as JSON, with the
/// account a value signs in beside it, so that account's sessions can be ended together.
struct SessionPersistDriver: PersistDriver {
    let store: Store
    let clock: NewsClock

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        do {
            try await store.sessions.create(
                key: key, value: try Self.encode(value), accountID: Self.owner(of: value), expiresAt: expiry(expires))
        } catch SessionRepository.Failure.duplicateKey {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await store.sessions.set(
            key: key, value: try Self.encode(value), accountID: Self.owner(of: value), expiresAt: expiry(expires))
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (
        object: Object, ttl: Duration?
    )? {
        let now = clock.now
        guard let stored = try await store.sessions.get(key: key, now: now) else { return nil }
        let object = try JSONDecoder().decode(Object.self, from: Data(stored.value.utf8))
        return (object, stored.expiresAt.map { .seconds($0.timeIntervalSince(now)) })
    }

    func remove(key: String) async throws {
        try await store.sessions.remove(key: key)
    }

    /// Sweeps expired sessions once an hour while the server runs. (Expired ones are never honoured
    /// in between: `getWithTTL` checks the expiry itself.)
    func run() async throws {
        while await pauseUnlessShuttingDown(for: .seconds(3_600)) {
            try? await store.sessions.removeExpired(now: clock.now)
        }
    }

    private func expiry(_ expires: Duration?) -> Date? {
        expires.map { clock.now.addingTimeInterval(TimeInterval($0.components.seconds)) }
    }

    private static func owner(of value: some Sendable) -> UUID? {
        (value as? any SignsInAccount)?.accountID
    }

    private static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}

/// A session value that names the account it signs in.
protocol SignsInAccount {
    var accountID: UUID { get }
}

extension NewsroomSession: SignsInAccount {}

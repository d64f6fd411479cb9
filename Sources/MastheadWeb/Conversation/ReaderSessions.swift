import Foundation
import Hummingbird
import MastheadCore
import MastheadStore

/// Signed-in readers. A reader's session is a random key in a cookie, stored in the shared sessions
/// table (so every node honours it), apart from newsroom sessions: the key is prefixed, and a reader's
/// session can never open the newsroom.
struct ReaderSessions: Sendable {
    let store: Store
    let clock: NewsClock
    let secure: @Sendable () -> Bool

    static let length: TimeInterval = 30 * 86_400

    /// The session cookie's name over plain HTTP; over HTTPS it carries the `__Host-` prefix.
    static let plainCookieName = "masthead_reader"

    func cookieName() -> String { secure() ? "__Host-" + Self.plainCookieName : Self.plainCookieName }

    /// The signed-in reader, if the cookie names a live session of an account that still exists. A
    /// request without the cookie costs nothing.
    func reader(_ request: Request) async throws -> Commenter? {
        guard let key = request.cookies[cookieName()]?.value, Self.isWellFormed(key),
            let stored = try await store.sessions.get(key: Self.storageKey(key), now: clock.now),
            let id = UUID(uuidString: stored.value)
        else { return nil }
        guard let commenter = try await store.commenters.find(id), commenter.deletedAt == nil else { return nil }
        return commenter
    }

    /// Starts a session and returns the cookie that carries it.
    func start(for commenter: Commenter) async throws -> Cookie {
        let key = CSRFToken.generate()
        try await store.sessions.create(
            key: Self.storageKey(key), value: commenter.id.uuidString, accountID: commenter.id,
            expiresAt: clock.now.addingTimeInterval(Self.length))
        return Cookie(
            name: cookieName(), value: key, maxAge: Int(Self.length), path: "/", secure: secure(), httpOnly: true,
            sameSite: .lax)
    }

    /// Ends the session named by the request's cookie and returns a cookie that clears it.
    func end(_ request: Request) async throws -> Cookie {
        if let key = request.cookies[cookieName()]?.value, Self.isWellFormed(key) {
            try await store.sessions.remove(key: Self.storageKey(key))
        }
        return Cookie(
            name: cookieName(), value: "", maxAge: 0, path: "/", secure: secure(), httpOnly: true, sameSite: .lax)
    }

    static func storageKey(_ key: String) -> String { "reader:" + key }

    private static func isWellFormed(_ key: String) -> Bool {
        key.utf8.count == 64 && key.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}

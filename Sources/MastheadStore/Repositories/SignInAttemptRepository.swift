import FluentKit
import Foundation
import SQLKit

/// Sign-in attempts counted per throttle key (``SignInThrottle``), one row per key, shared by every
/// node. A key is stored only as its SHA-256 (``SignIn``), so no email or address is kept in the clear.
struct SignInAttemptRepository: Sendable {
    let database: any Database

    /// A count as it stood after an attempt was added to it.
    struct Count: Sendable {
        var keyHash: String
        var attempts: Int
        var windowStart: Date
    }

    /// Adds one attempt to `keyHash`'s count and returns the count, in one statement: concurrent
    /// attempts, on any node, each see a different number, so no two can both be the fifth. A window
    /// older than `window` starts again at `now`.
    func add(keyHash: String, now: Date, window: TimeInterval) async throws -> Count {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        // Whole seconds, so the start read back compares equal to the one stored on both databases.
        let start = now.wholeSeconds
        let expired = now.addingTimeInterval(-window)
        let row = try await sql.raw(
            """
            INSERT INTO sign_in_attempts (key_hash, window_start, attempts)
            VALUES (\(bind: keyHash), \(bind: start), 1)
            ON CONFLICT (key_hash) DO UPDATE SET
              attempts = CASE WHEN sign_in_attempts.window_start <= \(bind: expired) THEN 1
                ELSE sign_in_attempts.attempts + 1 END,
              window_start = CASE WHEN sign_in_attempts.window_start <= \(bind: expired) THEN \(bind: start)
                ELSE sign_in_attempts.window_start END
            RETURNING attempts, window_start
            """
        ).first()
        guard let row else { throw StoreError.vanished("sign-in attempt count") }
        return Count(
            keyHash: keyHash, attempts: try row.decode(column: "attempts", as: Int.self),
            windowStart: try row.decode(column: "window_start", as: Date.self))
    }

    /// Takes back one attempt from `count`, if its window is still the one counting.
    func takeBack(_ count: Count) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        try await sql.raw(
            """
            UPDATE sign_in_attempts SET attempts = attempts - 1
            WHERE key_hash = \(bind: count.keyHash) AND window_start = \(bind: count.windowStart) AND attempts > 0
            """
        ).run()
    }

    /// Whether the account of `knownAddress` signed in from its address since `since`.
    func isKnown(address knownAddress: String, since: Date) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        return try await sql.raw(
            """
            SELECT 1 AS known FROM sign_in_known_addresses
            WHERE key_hash = \(bind: knownAddress) AND signed_in_at > \(bind: since)
            """
        ).first() != nil
    }

    /// Remembers a successful sign-in from an address; housekeeping forgets it once it is too old to
    /// count (``forgetAddresses(signedInBefore:)``).
    func remember(knownAddress: String, at now: Date) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        try await sql.raw(
            """
            INSERT INTO sign_in_known_addresses (key_hash, signed_in_at) VALUES (\(bind: knownAddress), \(bind: now))
            ON CONFLICT (key_hash) DO UPDATE SET signed_in_at = \(bind: now)
            """
        ).run()
    }

    func forgetAddresses(signedInBefore time: Date) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        try await sql.raw("DELETE FROM sign_in_known_addresses WHERE signed_in_at <= \(bind: time)").run()
    }

    func clear(keyHash: String) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        try await sql.raw("DELETE FROM sign_in_attempts WHERE key_hash = \(bind: keyHash)").run()
    }

    /// Drops every count whose window is over: they would start afresh anyway.
    func dropExpired(now: Date, window: TimeInterval) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        try await sql.raw(
            "DELETE FROM sign_in_attempts WHERE window_start <= \(bind: now.addingTimeInterval(-window))"
        ).run()
    }
}

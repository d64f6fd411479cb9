import Crypto
import Foundation
import MastheadCore

/// Signing in, for the newsroom's staff and for readers alike (``SignInAudience``): one flow, so the
/// two cannot drift apart in what their timing reveals or in how they are throttled.
///
/// Each attempt is counted (``SignInThrottle``) before its password is checked; one that goes past a
/// limit is refused unchecked. The password of an email with no account is checked against a hash of
/// the site's own cost, so a wrong password takes as long whether or not the account exists.
public struct SignIn: Sendable {
    let store: Store
    /// bcrypt's work factor for new hashes, and so what a real account's check costs.
    let passwordCost: UInt8
    let throttle: SignInThrottle

    public enum Refusal: Error, Sendable, Equatable {
        /// Wrong email or password: one answer for both, so it does not tell which accounts exist.
        case wrongEmailOrPassword
        /// Too many attempts for the account, for the account from this address, or from this address;
        /// try again after this many seconds.
        case throttled(retryAfter: Int)
    }

    /// Checks `password` for the `audience`'s account with `email`. `address` stands for where the
    /// attempt comes from (the client's address, or a hash of it): it is only ever compared.
    public func attempt<Account: Sendable>(
        _ audience: SignInAudience<Account>, email: String, password: String, address: String, now: Date
    ) async throws -> Account {
        let knownAddress = Self.knownAddressKey(audience.name, email: audience.normalisedEmail(email), address: address)
        let counts = try await count(audience, email: email, address: address, knownAddress: knownAddress, now: now)
        let credentials = try await audience.credentials(email, store.database)
        let hash = credentials?.hash ?? dummyHash
        let matches = try await PasswordHashing.verify(password, hash: hash)
        guard let account = credentials?.account, matches else { throw Refusal.wrongEmailOrPassword }
        try await forgive(counts, rememberingAddress: knownAddress, now: now)
        return account
    }

    /// Adds the attempt to each of its counts, in one transaction, or refuses it. A refused attempt's
    /// counts are rolled back with the transaction: it was never checked, so it must not use up anyone's
    /// allowance (an office's address stays open however often one person is refused). Every attempt
    /// takes its counts in the same order, so concurrent ones on PostgreSQL wait for each other rather
    /// than deadlock.
    private func count<Account>(
        _ audience: SignInAudience<Account>, email: String, address: String, knownAddress: String, now: Date
    ) async throws -> [(SignInThrottle.Scope, SignInAttemptRepository.Count)] {
        let email = audience.normalisedEmail(email)
        let throttle = throttle
        let knownSince = now.addingTimeInterval(-throttle.knownAddressMemory)
        return try await store.transaction { tx in
            let attempts = SignInAttemptRepository(database: tx.database)
            var counts: [(SignInThrottle.Scope, SignInAttemptRepository.Count)] = []
            for scope in SignInThrottle.Scope.allCases {
                // Asked after the first count is written: on SQLite a transaction that read first could not
                // take the write lock if another node wrote meanwhile.
                if scope == .account, try await attempts.isKnown(address: knownAddress, since: knownSince) { continue }
                let key = Self.keyHash(audience.name, scope, email: email, address: address)
                let count = try await attempts.add(keyHash: key, now: now, window: throttle.window)
                if let wait = throttle.retryAfter(
                    scope, count: count.attempts, windowStart: count.windowStart, now: now)
                {
                    throw Refusal.throttled(retryAfter: wait)
                }
                counts.append((scope, count))
            }
            return counts
        }
    }

    /// After a success: whoever knows the password is forgiven their own earlier mistakes on this
    /// account, while other people's failures from the same address still count; and the address is
    /// remembered, so later attempts from it are held by the account-at-address count alone (see
    /// ``SignInThrottle``).
    private func forgive(
        _ counts: [(SignInThrottle.Scope, SignInAttemptRepository.Count)], rememberingAddress knownAddress: String,
        now: Date
    ) async throws {
        try await store.transaction { tx in
            let attempts = SignInAttemptRepository(database: tx.database)
            for (scope, count) in counts {
                switch scope {
                case .accountAtAddress, .account: try await attempts.clear(keyHash: count.keyHash)
                case .address: try await attempts.takeBack(count)
                }
            }
            try await attempts.remember(knownAddress: knownAddress, at: now)
        }
    }

    /// The key a count is kept under, hashed: every key has one length, and no email or address is kept
    /// in the clear.
    static func keyHash(_ audience: String, _ scope: SignInThrottle.Scope, email: String, address: String) -> String {
        let parts: [String] =
            switch scope {
            case .accountAtAddress: [audience, scope.rawValue, email, address]
            case .account: [audience, scope.rawValue, email]
            case .address: [audience, scope.rawValue, address]
            }
        return hashed(parts)
    }

    /// The key under which an address the account signed in from is remembered.
    static func knownAddressKey(_ audience: String, email: String, address: String) -> String {
        hashed([audience, "known-address", email, address])
    }

    private static func hashed(_ parts: [String]) -> String {
        Hex.encode(SHA256.hash(data: Data(parts.joined(separator: "\u{0}").utf8)))
    }

    /// A well-formed bcrypt hash at the site's cost that no typed password matches (its digest is made
    /// up): checking against it costs what checking a real account's password costs.
    var dummyHash: String {
        "$2b$" + (passwordCost < 10 ? "0" : "")
            + "\(passwordCost)$abcdefghijklmnopqrstuu5Rb1c9uGIeZQiNvmSKh7Ur8Zc6sCyVO"
    }
}

extension Store {
    /// Sign-in for staff and readers. `passwordCost` is the cost new password hashes are made with.
    public func signIn(passwordCost: UInt8 = 12, throttle: SignInThrottle = SignInThrottle()) -> SignIn {
        SignIn(store: self, passwordCost: passwordCost, throttle: throttle)
    }
}

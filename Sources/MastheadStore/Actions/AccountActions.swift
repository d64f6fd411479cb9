import Foundation
import HummingbirdBcrypt
import MastheadCore
import NIOPosix

/// Newsroom accounts: creating them, roles, passwords and signing in.
public struct AccountActions: Sendable {
    let store: Store
    /// bcrypt's work factor: 12 in production; tests pass a small one so they run quickly.
    let passwordCost: UInt8

    public enum SignInRefusal: Error, Sendable, Equatable {
        /// Wrong email or password: one answer for both, so it does not tell which accounts exist.
        case wrongEmailOrPassword
        /// Too many failures for the account or the address; try again after this many seconds.
        case throttled(retryAfter: Int)
    }

    /// Makes an account. `by` is nil for the command line (the first admin); otherwise an admin.
    public func create(
        email: String, name: String, role: Role, password: String, by admin: StaffAccount?, now: Date
    ) async throws -> StaffAccount {
        if let admin, !admin.role.administers { throw ActionError.notAllowed("Only admins create accounts.") }
        var problems: [String] = []
        let normalised = StaffAccount.normalisedEmail(email)
        if normalised == nil { problems.append("“\(email)” is not an email address.") }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.append("Give the account a name.") }
        if let problem = StaffAccount.passwordProblem(password) { problems.append(problem) }
        guard problems.isEmpty, let normalised else { throw ActionError.invalid(problems) }
        let hash = try await hashed(password)
        let account = StaffAccount(id: UUID(), email: normalised, name: name, role: role)
        return try await store.transaction { tx in
            guard try await tx.accounts.find(email: normalised) == nil else {
                throw ActionError.invalid(["An account with the email \(normalised) already exists."])
            }
            try await tx.accounts.create(account, passwordHash: hash, now: now)
            try await tx.record(
                DomainEvent(name: .accountChanged, subjectID: account.id, actorID: admin?.id, occurredAt: now))
            return account
        }
    }

    public func setRole(_ role: Role, ofAccount id: UUID, by admin: StaffAccount, now: Date) async throws {
        guard admin.role.administers else { throw ActionError.notAllowed("Only admins change roles.") }
        guard id != admin.id || role == .admin else {
            throw ActionError.invalid(["You cannot take away your own admin role; ask another admin."])
        }
        try await store.transaction { tx in
            guard try await tx.accounts.find(id: id) != nil else {
                throw ActionError.notFound("That account does not exist.")
            }
            try await tx.accounts.setRole(role, ofAccount: id)
            try await tx.record(DomainEvent(name: .accountChanged, subjectID: id, actorID: admin.id, occurredAt: now))
        }
    }

    public func changePassword(of account: StaffAccount, current: String, new: String, now: Date) async throws {
        guard let hash = try await store.accounts.passwordHash(ofAccount: account.id),
            try await verify(current, hash: hash)
        else { throw ActionError.invalid(["Your current password is not right."]) }
        if let problem = StaffAccount.passwordProblem(new) { throw ActionError.invalid([problem]) }
        let newHash = try await hashed(new)
        try await store.transaction { tx in
            try await tx.accounts.setPasswordHash(newHash, ofAccount: account.id)
            try await tx.record(
                DomainEvent(name: .accountChanged, subjectID: account.id, actorID: account.id, occurredAt: now))
        }
    }

    /// Checks an email and password. Failures are counted per account and per client address;
    /// after `throttle.limit` of either within its window, every attempt is refused until the window
    /// moves on, whether the password is right or not and whether the account exists or not.
    public func signIn(
        email: String, password: String, clientKey: String, throttle: SignInThrottle, now: Date
    ) async throws -> StaffAccount {
        let accountKey = "account:" + (StaffAccount.normalisedEmail(email) ?? email.lowercased())
        let addressKey = "address:" + clientKey
        let since = now.addingTimeInterval(-throttle.window)
        for key in [accountKey, addressKey] {
            let failures = try await store.accounts.recentFailures(key: key, since: since)
            if let wait = throttle.retryAfter(failures: failures, now: now) {
                throw SignInRefusal.throttled(retryAfter: Int(wait))
            }
        }
        let credentials = try await store.accounts.credentials(email: email)
        // A dummy check for a missing account takes as long as a real one, so timing tells nothing.
        let matches = try await verify(password, hash: credentials?.hash ?? Self.dummyHash)
        guard let account = credentials?.account, matches else {
            try await store.transaction { tx in
                try await tx.accounts.recordFailure(key: accountKey, at: now)
                try await tx.accounts.recordFailure(key: addressKey, at: now)
            }
            throw SignInRefusal.wrongEmailOrPassword
        }
        try await store.transaction { tx in try await tx.accounts.clearFailures(key: accountKey) }
        return account
    }

    private static let dummyHash = "$2b$04$abcdefghijklmnopqrstuu5Rb1c9uGIeZQiNvmSKh7Ur8Zc6sCyVO"

    private func hashed(_ password: String) async throws -> String {
        let cost = passwordCost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    private func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}

extension Store {
    public func accountActions(passwordCost: UInt8 = 12) -> AccountActions {
        AccountActions(store: self, passwordCost: passwordCost)
    }
}

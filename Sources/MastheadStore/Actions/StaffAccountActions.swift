import Foundation
import MastheadCore

/// Newsroom accounts: creating them, roles and passwords. Signing in is ``SignIn``, shared with readers.
public struct StaffAccountActions: Sendable {
    let store: Store
    /// bcrypt's work factor: 12 in production; tests pass a small one so they run quickly.
    let passwordCost: UInt8

    /// Makes an account. `by` is nil for the command line (the first admin); otherwise an admin.
    public func create(
        email: String, name: String, role: Role, password: String, by admin: StaffAccount?, now: Date
    ) async throws -> StaffAccount {
        try admin?.policy.require(.createAccount)
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
        try admin.policy.require(.changeRole)
        guard id != admin.id || role == .admin else {
            throw ActionError.invalid(["You cannot take away your own admin role; ask another admin."])
        }
        try await store.transaction { tx in
            guard let account = try await tx.accounts.find(id: id) else {
                throw ActionError.notFound("That account does not exist.")
            }
            guard account.role != role else { return }
            try await tx.accounts.setRole(role, ofAccount: id)
            // Whoever holds the account signs in again under the new role, on every device.
            try await tx.sessions.endSessions(ofAccount: id)
            try await tx.record(DomainEvent(name: .accountChanged, subjectID: id, actorID: admin.id, occurredAt: now))
        }
    }

    /// Removes a newsroom account and ends its sessions. What it wrote stays: stories, revisions (which
    /// keep the name they were saved under) and the moderation log name people, not accounts. An admin
    /// cannot remove their own account, so a newsroom always keeps one admin.
    public func remove(accountID id: UUID, by admin: StaffAccount, now: Date) async throws {
        try admin.policy.require(.removeAccount)
        guard id != admin.id else {
            throw ActionError.invalid(["You cannot remove your own account; ask another admin."])
        }
        try await store.transaction { tx in
            guard try await tx.accounts.find(id: id) != nil else {
                throw ActionError.notFound("That account does not exist.")
            }
            try await tx.accounts.remove(id)
            try await tx.sessions.endSessions(ofAccount: id)
            try await tx.record(DomainEvent(name: .accountChanged, subjectID: id, actorID: admin.id, occurredAt: now))
        }
    }

    /// Changes the password and ends every session of the account, the caller's own included, so a
    /// session opened with the old password (or a cookie copied from one) dies with it; the newsroom
    /// starts a fresh session for the browser that made the change.
    public func changePassword(of account: StaffAccount, current: String, new: String, now: Date) async throws {
        guard let hash = try await store.accounts.passwordHash(ofAccount: account.id),
            try await verify(current, hash: hash)
        else { throw ActionError.invalid(["Your current password is not right."]) }
        if let problem = StaffAccount.passwordProblem(new) { throw ActionError.invalid([problem]) }
        let newHash = try await hashed(new)
        try await store.transaction { tx in
            try await tx.accounts.setPasswordHash(newHash, ofAccount: account.id)
            try await tx.sessions.endSessions(ofAccount: account.id)
            try await tx.record(
                DomainEvent(name: .accountChanged, subjectID: account.id, actorID: account.id, occurredAt: now))
        }
    }

    private func hashed(_ password: String) async throws -> String {
        try await PasswordHashing.hash(password, cost: passwordCost)
    }

    private func verify(_ password: String, hash: String) async throws -> Bool {
        try await PasswordHashing.verify(password, hash: hash)
    }
}

extension Store {
    public func accountActions(passwordCost: UInt8 = 12) -> StaffAccountActions {
        StaffAccountActions(store: self, passwordCost: passwordCost)
    }
}

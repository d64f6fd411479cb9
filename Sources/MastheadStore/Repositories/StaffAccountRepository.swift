import FluentKit
import Foundation
import MastheadCore

/// Newsroom accounts. Password hashes never leave this file except to be checked.
public struct StaffAccountRepository: Sendable {
    let database: any Database

    public func find(id: UUID) async throws -> StaffAccount? {
        try await StaffAccountRecord.find(id, on: database)?.account
    }

    public func find(email: String) async throws -> StaffAccount? {
        guard let email = StaffAccount.normalisedEmail(email) else { return nil }
        return try await StaffAccountRecord.query(on: database).filter(\.$email == email).first()?.account
    }

    /// Every account, by name.
    public func all() async throws -> [StaffAccount] {
        try await StaffAccountRecord.query(on: database).sort(\.$name).all().compactMap(\.account)
    }

    /// The stored bcrypt hash, for the password change check.
    func passwordHash(ofAccount id: UUID) async throws -> String? {
        try await StaffAccountRecord.find(id, on: database)?.passwordHash
    }

    /// The account and its bcrypt hash in one read, for signing in.
    func credentials(email: String) async throws -> (account: StaffAccount, hash: String)? {
        guard let email = StaffAccount.normalisedEmail(email),
            let record = try await StaffAccountRecord.query(on: database).filter(\.$email == email).first(),
            let account = record.account
        else { return nil }
        return (account, record.passwordHash)
    }

    func create(_ account: StaffAccount, passwordHash: String, now: Date) async throws {
        let record = StaffAccountRecord()
        record.id = account.id
        record.email = account.email
        record.name = account.name
        record.role = account.role.rawValue
        record.passwordHash = passwordHash
        record.authorID = account.authorID
        record.createdAt = now.wholeSeconds
        try await record.create(on: database)
    }

    func setRole(_ role: Role, ofAccount id: UUID) async throws {
        try await StaffAccountRecord.query(on: database).filter(\.$id == id).set(\.$role, to: role.rawValue).update()
    }

    func setPasswordHash(_ hash: String, ofAccount id: UUID) async throws {
        try await StaffAccountRecord.query(on: database).filter(\.$id == id).set(\.$passwordHash, to: hash).update()
    }

    func remove(_ id: UUID) async throws {
        try await StaffAccountRecord.query(on: database).filter(\.$id == id).delete()
    }
}

extension Store {
    /// Sets the byline an account writes under. Only tests call it so far: the accounts page has no
    /// control for it yet, so accounts made in the newsroom own only the stories they create.
    public func linkAccount(_ accountID: UUID, toAuthor authorID: UUID?) async throws {
        try await StaffAccountRecord.query(on: database).filter(\.$id == accountID).set(\.$authorID, to: authorID)
            .update()
    }
}

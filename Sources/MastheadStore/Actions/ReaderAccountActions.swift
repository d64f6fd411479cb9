import Crypto
import FluentKit
import Foundation
import HummingbirdBcrypt
import MastheadCore
import NIOPosix
import SQLKit

/// Reader accounts for the conversation: signing up, proving the email address with a single-use
/// link that expires, and leaving. Mail is written to the outbox in the same transaction
/// as the change that asks for it, so a crash never loses a verification mail or sends one for an
/// account that was not stored; ``MailDelivery`` sends it afterwards.
public struct ReaderAccountActions: Sendable {
    let store: Store
    let passwordCost: UInt8

    public static let verificationLifetime: TimeInterval = 24 * 3_600

    /// Writing an email to ask for a link, how it reads, and where the link points.
    public struct Mailing: Sendable {
        public var siteName: String
        /// Makes the absolute verification address from the raw token.
        public var verifyURL: @Sendable (String) -> String

        public init(siteName: String, verifyURL: @escaping @Sendable (String) -> String) {
            self.siteName = siteName
            self.verifyURL = verifyURL
        }
    }

    /// Creates an unverified account and mails its verification link. An address already taken gets a
    /// note in its own inbox rather than an error here, so the form does not reveal who has an account.
    public func register(_ submitted: ReaderRegistration, mailing: Mailing, now: Date) async throws {
        var normalized = submitted
        normalized.email = ReaderRegistration.normalizedEmail(submitted.email)
        let registration = normalized
        let hash = try await hashed(registration.password)
        let token = Self.makeToken()
        try await store.transaction { tx in
            if let existing = try await CommenterRecord.query(on: tx.database)
                .filter(\.$email == registration.email).first()
            {
                // Not confirmed yet: whoever proves the address by its link holds the account, so a
                // stranger who signed up with someone else's address first keeps nothing.
                if existing.verifiedAt == nil {
                    existing.passwordHash = hash
                    existing.displayName = registration.displayName
                    try await existing.update(on: tx.database)
                    try await ReaderTokenRecord.query(on: tx.database).filter(\.$commenter.$id == existing.requireID())
                        .delete()
                    try await Self.issueVerification(
                        token: token, for: existing, mailing: mailing, now: now, on: tx.database)
                    return
                }
                try await Self.mail(
                    to: registration.email, subject: "Your account on \(mailing.siteName)",
                    body: """
                        Someone (perhaps you) tried to create an account on \(mailing.siteName) with this address, \
                        which already has one. If it was you, sign in with your password. If not, you can ignore \
                        this message.
                        """, now: now, on: tx.database)
                return
            }
            let record = CommenterRecord()
            record.id = UUID()
            record.email = registration.email
            record.displayName = registration.displayName
            record.passwordHash = hash
            record.createdAt = now
            record.premoderated = false
            record.approvedCount = 0
            record.rejectedCount = 0
            try await record.create(on: tx.database)
            try await Self.issueVerification(
                token: token, for: record, mailing: mailing, now: now, on: tx.database)
            try await tx.record(
                DomainEvent(name: .commenterChanged, subjectID: record.id, actorID: record.id, occurredAt: now))
        }
    }

    /// Sends a fresh link to an account that is not verified yet.
    public func resendVerification(to commenter: Commenter, mailing: Mailing, now: Date) async throws {
        guard !commenter.isVerified else { return }
        let token = Self.makeToken()
        try await store.transaction { tx in
            guard let record = try await CommenterRecord.find(commenter.id, on: tx.database) else {
                throw ActionError.notFound("That account no longer exists.")
            }
            try await Self.issueVerification(token: token, for: record, mailing: mailing, now: now, on: tx.database)
        }
    }

    public enum VerificationRefusal: Error, Sendable, Equatable {
        case unknownOrUsed
        case expired
        /// The link stays usable: only the password chosen at sign-up confirms it.
        case wrongPassword
    }

    /// Marks the account verified and spends the token: a link works once, not after it expires, and
    /// only with the account's password. The password is what stops a stranger who signed up with
    /// someone else's address from having that person confirm the stranger's account with a click.
    @discardableResult
    public func verify(token: String, password: String, now: Date) async throws -> Commenter {
        guard let pending = try await ReaderTokenRecord.find(Self.tokenHash(token), on: store.database),
            let owner = try await CommenterRecord.find(pending.$commenter.id, on: store.database),
            let hash = owner.passwordHash
        else { throw VerificationRefusal.unknownOrUsed }
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard matches else { throw VerificationRefusal.wrongPassword }
        return try await store.transaction { tx in
            guard let record = try await ReaderTokenRecord.find(Self.tokenHash(token), on: tx.database),
                record.purpose == "verify", record.usedAt == nil
            else { throw VerificationRefusal.unknownOrUsed }
            guard record.expiresAt > now else { throw VerificationRefusal.expired }
            record.usedAt = now
            try await record.update(on: tx.database)
            guard let commenter = try await CommenterRecord.find(record.$commenter.id, on: tx.database) else {
                throw VerificationRefusal.unknownOrUsed
            }
            if commenter.verifiedAt == nil { commenter.verifiedAt = now }
            try await commenter.update(on: tx.database)
            try await tx.record(
                DomainEvent(name: .commenterChanged, subjectID: commenter.id, actorID: commenter.id, occurredAt: now))
            guard let value = commenter.commenter else { throw StoreError.vanished("commenter") }
            return value
        }
    }

    /// Closes the account: email, password and name go, every comment's text goes, and each comment reads
    /// "deleted" where the name was, so the threads others replied in keep their shape.
    public func deleteAccount(_ commenter: Commenter, now: Date) async throws {
        try await store.transaction { tx in
            guard let record = try await CommenterRecord.find(commenter.id, on: tx.database) else {
                throw ActionError.notFound("That account no longer exists.")
            }
            let comments = try await CommentRecord.query(on: tx.database).filter(\.$commenterID == commenter.id).all()
            for comment in comments {
                let old = comment.comment
                comment.displayName = Self.deletedName
                comment.body = ""
                comment.bodyHTML = ""
                if comment.deletedAt == nil { comment.deletedAt = now }
                try await comment.update(on: tx.database)
                if let old, let new = comment.comment {
                    try await CommentCounts.changed(from: old, to: new, on: tx.database)
                }
            }
            guard let sql = tx.database as? any SQLDatabase else { throw StoreError.notSQL }
            try await sql.raw(
                """
                UPDATE comments SET like_count = like_count - 1
                WHERE id IN (SELECT comment_id FROM comment_likes WHERE commenter_id = \(bind: commenter.id))
                """
            ).run()
            try await CommentLikeRecord.query(on: tx.database).filter(\.$commenterID == commenter.id).delete()
            try await ReaderTokenRecord.query(on: tx.database).filter(\.$commenter.$id == commenter.id).delete()
            try await tx.sessions.endSessions(ofAccount: commenter.id)
            record.email = nil
            record.passwordHash = nil
            record.displayName = Self.deletedName
            record.deletedAt = now
            try await record.update(on: tx.database)
            try await tx.record(
                DomainEvent(name: .commenterChanged, subjectID: commenter.id, actorID: commenter.id, occurredAt: now))
        }
    }

    public static let deletedName = "deleted"

    static func issueVerification(
        token: String, for record: CommenterRecord, mailing: Mailing, now: Date, on database: any Database
    ) async throws {
        let stored = ReaderTokenRecord()
        stored.id = tokenHash(token)
        stored.$commenter.id = try record.requireID()
        stored.purpose = "verify"
        stored.expiresAt = now.addingTimeInterval(verificationLifetime)
        try await stored.create(on: database)
        try await mail(
            to: record.email ?? "", subject: "Confirm your email for \(mailing.siteName)",
            body: """
                Hello \(record.displayName),

                To start commenting on \(mailing.siteName), confirm your email address by opening this link \
                within 24 hours:

                \(mailing.verifyURL(token))

                If you did not create an account, ignore this message and nothing will happen.
                """, now: now, on: database)
    }

    /// One mail per address in this long at most, so that sign-up and "send again" cannot flood an inbox.
    public static let mailInterval: TimeInterval = 5 * 60

    static func mail(to recipient: String, subject: String, body: String, now: Date, on database: any Database)
        async throws
    {
        let recent = try await OutboxRecord.query(on: database).filter(\.$recipient == recipient)
            .filter(\.$createdAt > now.addingTimeInterval(-mailInterval)).count()
        guard recent == 0 else { return }
        let record = OutboxRecord()
        record.recipient = recipient
        record.subject = subject
        record.body = body
        record.createdAt = now
        record.attempts = 0
        try await record.create(on: database)
    }

    /// 32 random bytes, URL-safe. Only their SHA-256 is stored, so a copy of the database cannot verify
    /// anyone's address.
    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    func hashed(_ password: String) async throws -> String {
        let cost = passwordCost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }
}

extension Store {
    public func readerAccountActions(passwordCost: UInt8 = 12) -> ReaderAccountActions {
        ReaderAccountActions(store: self, passwordCost: passwordCost)
    }
}

extension ReaderAccountActions {
    /// A reader whose address is already confirmed and who has `approvedCount` approved comments behind
    /// them: for the demo site's regulars and for tests that need a trusted commenter.
    @discardableResult
    public func createVerified(
        displayName: String, email: String, password: String, approvedCount: Int = 0, now: Date
    ) async throws -> Commenter {
        let hash = try await hashed(password)
        return try await store.transaction { tx in
            let record = CommenterRecord()
            record.id = UUID()
            record.email = ReaderRegistration.normalizedEmail(email)
            record.displayName = displayName
            record.passwordHash = hash
            record.createdAt = now
            record.verifiedAt = now
            record.premoderated = false
            record.approvedCount = approvedCount
            record.rejectedCount = 0
            try await record.create(on: tx.database)
            try await tx.record(
                DomainEvent(name: .commenterChanged, subjectID: record.id, actorID: record.id, occurredAt: now))
            guard let commenter = record.commenter else { throw StoreError.vanished("commenter") }
            return commenter
        }
    }
}

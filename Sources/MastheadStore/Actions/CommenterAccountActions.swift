import Crypto
import FluentKit
import Foundation
import MastheadCore
import SQLKit

/// Reader accounts for the conversation: signing up, proving the email address with a single-use
/// link that expires, and leaving. Mail is written to the outbox in the same transaction
/// as the change that asks for it, so a crash never loses a verification mail or sends one for an
/// account that was not stored; ``MailDelivery`` sends it afterwards.
public struct CommenterAccountActions: Sendable {
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
            try await CommenterTokenRecord.query(on: tx.database).filter(\.$commenter.$id == commenter.id).delete()
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

    /// 32 random bytes, URL-safe. Only their SHA-256 is stored, so a copy of the database cannot verify
    /// anyone's address.
    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func tokenHash(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }

    func hashed(_ password: String) async throws -> String {
        try await PasswordHashing.hash(password, cost: passwordCost)
    }
}

extension Store {
    public func commenterAccountActions(passwordCost: UInt8 = 12) -> CommenterAccountActions {
        CommenterAccountActions(store: self, passwordCost: passwordCost)
    }
}

extension CommenterAccountActions {
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

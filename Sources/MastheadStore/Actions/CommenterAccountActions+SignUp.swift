import FluentKit
import Foundation
import MastheadCore

/// Signing up and confirming the address. Each sign-up for an address nobody has confirmed yet is a
/// request of its own: its link carries its password's hash and its name. Confirming a request (with its
/// link, so from the address's inbox, and its password) makes that request's password and name the
/// account's and discards the others. So a stranger who signs up again with someone's address can neither
/// spoil the link that person was sent nor change the password they chose.
extension CommenterAccountActions {
    /// Creates an unverified account and mails its verification link. An address already taken gets a
    /// note in its own inbox rather than an error here, so the form does not reveal who has an account.
    /// An address with an unconfirmed account gets a link for this request beside the ones already sent,
    /// unless the mail limits hold it back (``mail(to:requester:subject:body:now:on:)``): then this
    /// request is dropped, as its link could not be sent, and the links already sent keep working.
    /// `requester` is the hash of the client address that sent the form, what the limits count by.
    public func register(
        _ submitted: ReaderRegistration, requester: String, mailing: Mailing, now: Date
    ) async throws {
        var normalized = submitted
        normalized.email = ReaderRegistration.normalizedEmail(submitted.email)
        let registration = normalized
        let request = SignUpRequest(
            passwordHash: try await hashed(registration.password), name: registration.displayName)
        let token = Self.makeToken()
        try await store.transaction { tx in
            if let existing = try await CommenterRecord.query(on: tx.database)
                .filter(\.$email == registration.email).first()
            {
                if existing.verifiedAt == nil {
                    try await Self.issueVerification(
                        token: token, for: existing, request: request, requester: requester, mailing: mailing,
                        now: now, on: tx.database)
                    return
                }
                try await Self.mail(
                    to: registration.email, requester: requester, subject: "Your account on \(mailing.siteName)",
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
            record.passwordHash = request.passwordHash
            record.createdAt = now
            record.premoderated = false
            record.approvedCount = 0
            record.rejectedCount = 0
            try await record.create(on: tx.database)
            try await Self.issueVerification(
                token: token, for: record, request: request, requester: requester, mailing: mailing, now: now,
                on: tx.database)
            try await tx.record(
                DomainEvent(name: .commenterChanged, subjectID: record.id, actorID: record.id, occurredAt: now))
        }
    }

    /// Sends a fresh link to an account that is not verified yet. The link confirms with the account's
    /// own password, which the signed-in reader asking for it holds. `requester` is as for ``register``.
    public func resendVerification(
        to commenter: Commenter, requester: String, mailing: Mailing, now: Date
    ) async throws {
        guard !commenter.isVerified else { return }
        let token = Self.makeToken()
        try await store.transaction { tx in
            guard let record = try await CommenterRecord.find(commenter.id, on: tx.database) else {
                throw ActionError.notFound("That account no longer exists.")
            }
            try await Self.issueVerification(
                token: token, for: record, request: nil, requester: requester, mailing: mailing, now: now,
                on: tx.database)
        }
    }

    public enum VerificationRefusal: Error, Sendable, Equatable {
        case unknownOrUsed
        case expired
        /// The link stays usable: only the password chosen at sign-up confirms it.
        case wrongPassword
    }

    /// Marks the account verified and spends the token: a link works once, not after it expires, and
    /// only with the password of the sign-up it was sent for. The password is what stops a stranger who
    /// signed up with someone else's address from having that person confirm the stranger's request with
    /// a click. The account takes that request's password and name; the other requests' links stop
    /// working, and if the password changed, so do sessions opened with the one it replaced.
    @discardableResult
    public func verify(token: String, password: String, now: Date) async throws -> Commenter {
        guard let pending = try await CommenterTokenRecord.find(Self.tokenHash(token), on: store.database),
            let owner = try await CommenterRecord.find(pending.$commenter.id, on: store.database),
            let hash = pending.passwordHash ?? owner.passwordHash
        else { throw VerificationRefusal.unknownOrUsed }
        let matches = try await PasswordHashing.verify(password, hash: hash)
        guard matches else { throw VerificationRefusal.wrongPassword }
        return try await store.transaction { tx in
            guard let record = try await CommenterTokenRecord.find(Self.tokenHash(token), on: tx.database),
                record.purpose == "verify", record.usedAt == nil
            else { throw VerificationRefusal.unknownOrUsed }
            guard record.expiresAt > now else { throw VerificationRefusal.expired }
            record.usedAt = now
            try await record.update(on: tx.database)
            guard let commenter = try await CommenterRecord.find(record.$commenter.id, on: tx.database) else {
                throw VerificationRefusal.unknownOrUsed
            }
            if let requested = record.passwordHash, requested != commenter.passwordHash {
                commenter.passwordHash = requested
                try await tx.sessions.endSessions(ofAccount: commenter.requireID())
            }
            if let name = record.displayName { commenter.displayName = name }
            try await CommenterTokenRecord.query(on: tx.database).filter(\.$commenter.$id == commenter.requireID())
                .filter(\.$purpose == "verify").filter(\.$usedAt == nil).delete()
            if commenter.verifiedAt == nil { commenter.verifiedAt = now }
            try await commenter.update(on: tx.database)
            try await tx.record(
                DomainEvent(name: .commenterChanged, subjectID: commenter.id, actorID: commenter.id, occurredAt: now))
            guard let value = commenter.commenter else { throw StoreError.vanished("commenter") }
            return value
        }
    }

    /// What one sign-up asked for, kept with its link until the address is confirmed.
    struct SignUpRequest {
        let passwordHash: String
        let name: String
    }

    /// Stores the link and mails it, or, if the mail limits hold the mail back, does neither: a link
    /// that was never sent could only be found by guessing.
    static func issueVerification(
        token: String, for record: CommenterRecord, request: SignUpRequest?, requester: String, mailing: Mailing,
        now: Date, on database: any Database
    ) async throws {
        let recipient = record.email ?? ""
        let name = request?.name ?? record.displayName
        let sent = try await mail(
            to: recipient, requester: requester, subject: "Confirm your email for \(mailing.siteName)",
            body: """
                Hello \(name),

                To start commenting on \(mailing.siteName), confirm your email address by opening this link \
                within 24 hours:

                \(mailing.verifyURL(token))

                If you did not create an account, ignore this message and nothing will happen.
                """, now: now, on: database)
        guard sent else { return }
        let stored = CommenterTokenRecord()
        stored.id = tokenHash(token)
        stored.$commenter.id = try record.requireID()
        stored.purpose = "verify"
        stored.expiresAt = now.addingTimeInterval(verificationLifetime)
        stored.passwordHash = request?.passwordHash
        stored.displayName = request?.name
        try await stored.create(on: database)
    }
}

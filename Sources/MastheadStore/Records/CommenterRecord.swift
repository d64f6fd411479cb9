import FluentKit
import Foundation
import MastheadCore

/// A reader's account for the conversation. Kept apart from staff accounts: a reader can never sign
/// in to the newsroom, whatever their email.
final class CommenterRecord: Model, @unchecked Sendable {
    static let schema = "commenters"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "email") var email: String?
    @Field(key: "display_name") var displayName: String
    @OptionalField(key: "password_hash") var passwordHash: String?
    @OptionalField(key: "verified_at") var verifiedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "premoderated") var premoderated: Bool
    @OptionalField(key: "banned_until") var bannedUntil: Date?
    @OptionalField(key: "ban_reason") var banReason: String?
    @Field(key: "approved_count") var approvedCount: Int
    @Field(key: "rejected_count") var rejectedCount: Int
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}

    var commenter: Commenter? {
        guard let id else { return nil }
        return Commenter(
            id: id, email: email ?? "", displayName: displayName, verifiedAt: verifiedAt, createdAt: createdAt,
            premoderated: premoderated, bannedUntil: bannedUntil, banReason: banReason, approvedCount: approvedCount,
            rejectedCount: rejectedCount, deletedAt: deletedAt)
    }
}

final class ReaderTokenRecord: Model, @unchecked Sendable {
    static let schema = "reader_tokens"

    @ID(custom: "token_hash", generatedBy: .user) var id: String?
    @Parent(key: "commenter_id") var commenter: CommenterRecord
    @Field(key: "purpose") var purpose: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    /// The sign-up a verification link answers: the password and name it asked for. Absent on a link
    /// sent again from the account page, which confirms with the account's own password.
    @OptionalField(key: "password_hash") var passwordHash: String?
    @OptionalField(key: "display_name") var displayName: String?

    init() {}
}

final class OutboxRecord: Model, @unchecked Sendable {
    static let schema = "outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "last_error") var lastError: String?

    init() {}
}

final class CommentLikeRecord: Model, @unchecked Sendable {
    static let schema = "comment_likes"

    @ID(key: .id) var id: UUID?
    @Field(key: "comment_id") var commentID: UUID
    @Field(key: "commenter_id") var commenterID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class CommentReportRecord: Model, @unchecked Sendable {
    static let schema = "comment_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "comment_id") var commentID: UUID
    @OptionalField(key: "commenter_id") var commenterID: UUID?
    @Field(key: "ip_hash") var ipHash: String
    @Field(key: "reason") var reason: String
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "resolved_at") var resolvedAt: Date?

    init() {}
}

final class ModerationLogRecord: Model, @unchecked Sendable {
    static let schema = "moderation_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "moderator_id") var moderatorID: UUID
    @Field(key: "moderator_name") var moderatorName: String
    @Field(key: "action") var action: String
    @OptionalField(key: "comment_id") var commentID: UUID?
    @OptionalField(key: "commenter_id") var commenterID: UUID?
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class AddressSaltRecord: Model, @unchecked Sendable {
    static let schema = "address_salts"

    @ID(custom: "day", generatedBy: .user) var id: String?
    @Field(key: "salt") var salt: String

    init() {}
}

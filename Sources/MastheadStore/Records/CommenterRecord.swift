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

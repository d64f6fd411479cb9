import FluentKit
import Foundation
import MastheadCore

final class CommenterTokenRecord: Model, @unchecked Sendable {
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

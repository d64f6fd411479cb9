import FluentKit
import Foundation
import MastheadCore

final class StaffAccountRecord: Model, @unchecked Sendable {
    static let schema = "staff_accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "role") var role: String
    @Field(key: "password_hash") var passwordHash: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var account: StaffAccount? {
        guard let id, let role = Role(rawValue: role) else { return nil }
        return StaffAccount(id: id, email: email, name: name, role: role, authorID: authorID)
    }
}

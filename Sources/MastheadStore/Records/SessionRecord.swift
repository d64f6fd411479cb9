import FluentKit
import Foundation

final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "account_id") var accountID: UUID?

    init() {}

    init(key: String, value: String, accountID: UUID?, expiresAt: Date?) {
        self.id = key
        self.value = value
        self.accountID = accountID
        self.expiresAt = expiresAt
    }
}
